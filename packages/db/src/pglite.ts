import { PGlite } from '@electric-sql/pglite'
import { Kysely, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import type { DatabaseHandle } from './open.js'
import { fromTemplate, PGLITE_EXTENSIONS } from './pglite-template.js'
import { withTimeout } from './timeout.js'

/** PGlite, the embedded PostgreSQL (WASM): loaded only where it is installed (see open.ts). */
export function openPglite(dir: string): DatabaseHandle {
  const dataDir = dir === '' || dir === 'memory' ? undefined : dir
  const pglite = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...fromTemplate(dataDir),
    extensions: PGLITE_EXTENSIONS,
    // PostgreSQL's 128 MB buffer pool is sized for a server; an embedded database of a few tens of
    // MB keeps its working set in 32 MB, and the process about 120 MB smaller (bench/embedded-start).
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  })
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) })
  return {
    db,
    kind: 'pglite',
    ping: (timeoutMs = 2_000) => withTimeout(sql`select 1`.execute(db), timeoutMs),
    listen: async (channel, handler) => {
      const unlisten = await pglite.listen(channel, handler)
      return () => unlisten()
    },
    close: async () => {
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}
