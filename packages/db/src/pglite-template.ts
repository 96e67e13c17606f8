import {
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { citext } from '@electric-sql/pglite/contrib/citext'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { Kysely } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import { ensureExtensions } from './migrate.js'

/**
 * A freshly initialised PGlite cluster, made once per PGlite version and copied into each new
 * embedded database: PGlite's WASM `initdb` costs about 3 s and 150 MB of resident memory at
 * every new data folder, copying the cluster about 0.7 s. The shared extensions are installed in
 * it. `pnpm start` and the test harness make it (`node packages/db/dist/pglite-template.js`);
 * without it PGlite runs `initdb` as usual. In-memory databases (tests) load its dump, kept once
 * per process.
 *
 * It lives in the package's `node_modules/.cache` (never committed, gone with a clean install).
 */

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm, citext }

let templatePath: string | undefined

/** Where the template of the installed PGlite version lives: `<dir>/` (a data folder) and `<dir>.tar`. */
export function pgliteTemplatePath(): string {
  if (!templatePath) {
    let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
    while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir)
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
    const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
    templatePath = join(packageRoot, 'node_modules', '.cache', 'osinum', `pglite-${version}`)
  }
  return templatePath
}

function isCluster(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'))
}

/** Makes the template if it is missing. Safe when several processes race: the last rename wins. */
export async function ensurePgliteTemplate(): Promise<string> {
  const target = pgliteTemplatePath()
  if (isCluster(target) && existsSync(`${target}.tar`)) return target
  const work = `${target}.${process.pid}.tmp`
  rmSync(work, { recursive: true, force: true })
  mkdirSync(dirname(target), { recursive: true })
  try {
    const pglite = new PGlite({ dataDir: work, extensions: PGLITE_EXTENSIONS })
    const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) })
    await ensureExtensions(db)
    const dump = await pglite.dumpDataDir('none')
    await pglite.close()
    writeFileSync(`${work}.tar`, Buffer.from(await dump.arrayBuffer()))
    renameSync(`${work}.tar`, `${target}.tar`)
    try {
      renameSync(work, target)
    } catch (error) {
      // Another process made it first: theirs is as good.
      if (!isCluster(target)) throw error
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
    rmSync(`${work}.tar`, { force: true })
  }
  return target
}

/**
 * Prepares a new data folder from the template (a no-op for an existing cluster or without a
 * template). Returns the options PGlite needs for an in-memory database: the template's dump.
 */
export function fromTemplate(dataDir: string | undefined): { loadDataDir?: Blob } {
  const template = pgliteTemplatePath()
  if (!dataDir) {
    if (!existsSync(`${template}.tar`)) return {}
    templateDump ??= new Blob([readFileSync(`${template}.tar`)])
    return { loadDataDir: templateDump }
  }
  const empty = !existsSync(dataDir) || readdirSync(dataDir).length === 0
  if (empty && isCluster(template)) {
    // Copy aside then rename, so that an interrupted copy never looks like a cluster.
    const work = `${dataDir}.${process.pid}.tmp`
    rmSync(work, { recursive: true, force: true })
    mkdirSync(dirname(dataDir), { recursive: true })
    cpSync(template, work, { recursive: true, mode: constants.COPYFILE_FICLONE })
    rmSync(dataDir, { recursive: true, force: true })
    renameSync(work, dataDir)
  }
  return {}
}

let templateDump: Blob | undefined

// `node packages/db/dist/pglite-template.js` (run by `pnpm start`). Never fatal: without a
// template, PGlite initialises each new data folder itself.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  try {
    const path = await ensurePgliteTemplate()
    process.stdout.write(
      `PGlite template ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${path}\n`,
    )
  } catch (error) {
    process.stderr.write(`PGlite template not made (${(error as Error).message}): new databases run initdb\n`)
  }
}
