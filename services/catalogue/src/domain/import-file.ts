import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { FieldsError, nulPath } from '@osinum/service-kit/domain-errors'
import sjson from 'secure-json-parse'
import { ImportUnsupported } from './errors.js'
import { type ImportFormat, type ParsedImport, parseImport } from './import-parse.js'

/**
 * Reads an import file: JSON (refusing prototype-poisoning keys, as Fastify's own parser does), no
 * NUL character (PostgreSQL text cannot hold one), then detected, validated and mapped
 * (`parseImport`). Pure CPU work, no database.
 */
export async function readImportFile(file: Buffer, format?: ImportFormat): Promise<ParsedImport> {
  const text = file.toString('utf8')
  const nulInText = text.includes('\u0000')
  // This catalogue's CSV export (or any text that is not JSON) is read as CSV.
  if (!/^\uFEFF?\s*[[{]/.test(text)) {
    if (nulInText)
      throw new FieldsError([{ field: 'body', message: 'must not contain NUL characters' }], { status: 400 })
    return parseImport(text, format)
  }
  let body: unknown
  try {
    body = sjson.parse(text.replace(/^\uFEFF/, ''), undefined, {
      protoAction: 'error',
      constructorAction: 'error',
    })
  } catch {
    throw new FieldsError([{ field: 'body', message: 'is not a valid JSON file' }], {
      status: 400,
      code: 'OSI_INVALID_JSON',
    })
  }
  const nul = nulPath(body, 'body')
  if (nul)
    throw new FieldsError([{ field: nul, message: 'must not contain NUL characters' }], { status: 400 })
  return parseImport(body, format)
}

/** A refusal as it crosses the thread boundary (errors are not cloned with their class). */
export type ImportFailure =
  | { kind: 'fields'; errors: FieldsError['errors']; status: number; code: string; detail: string }
  | { kind: 'unsupported'; message: string }
  | { kind: 'internal'; message: string }

export function describeFailure(error: unknown): ImportFailure {
  if (error instanceof FieldsError)
    return {
      kind: 'fields',
      errors: error.errors,
      status: error.statusCode,
      code: error.code,
      detail: error.message,
    }
  if ((error as { code?: string }).code === 'OSI_CATALOGUE_IMPORT_UNSUPPORTED')
    return { kind: 'unsupported', message: (error as Error).message }
  return { kind: 'internal', message: String((error as Error)?.stack ?? error) }
}

function rebuild(failure: ImportFailure): Error {
  if (failure.kind === 'fields')
    return new FieldsError(failure.errors, {
      status: failure.status,
      code: failure.code,
      detail: failure.detail,
    })
  if (failure.kind === 'unsupported') return new ImportUnsupported(failure.message)
  return new Error(`import worker failed: ${failure.message}`)
}

const WORKER = new URL('./import-worker.js', import.meta.url)

/** Whether uploads are read in a worker thread (compiled code), or in this thread (TypeScript sources). */
export const readsInWorker = () => existsSync(fileURLToPath(WORKER))

/**
 * `readImportFile` in a worker thread: parsing and checking a file of tens of megabytes takes
 * hundreds of milliseconds of CPU (JSON.parse alone: ~70 ms for 5 MB here), which must not stall
 * the process's other requests and its /livez (docs/reliability.md). Run from TypeScript sources
 * (tests), where no compiled worker exists, the same function runs in this thread.
 */
export function parseImportOffThread(file: Buffer, format?: ImportFormat): Promise<ParsedImport> {
  if (!readsInWorker()) return readImportFile(file, format)
  return new Promise((resolve, reject) => {
    // The bytes move to the worker (no copy), and its young generation stays small: a file of
    // tens of thousands of entries is read with tens of megabytes, not hundreds.
    const bytes = new Uint8Array(file.byteLength)
    bytes.set(file)
    const worker = new Worker(WORKER, {
      workerData: { file: bytes, format },
      transferList: [bytes.buffer],
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    })
    worker.once(
      'message',
      (message: { ok: true; result: ParsedImport } | { ok: false; error: ImportFailure }) => {
        if (message.ok) resolve(message.result)
        else reject(rebuild(message.error))
      },
    )
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`import worker exited with code ${code}`))
    })
  })
}
