import { parentPort, workerData } from 'node:worker_threads'
import { describeFailure, readImportFile } from './import-file.js'
import type { ImportFormat } from './import-parse.js'

/** Worker thread of `parseImportOffThread`: reads one uploaded import file and answers once. */
const { file, format } = workerData as { file: Uint8Array; format?: ImportFormat }
try {
  const result = await readImportFile(Buffer.from(file.buffer, file.byteOffset, file.byteLength), format)
  parentPort!.postMessage({ ok: true, result })
} catch (error) {
  parentPort!.postMessage({ ok: false, error: describeFailure(error) })
}
