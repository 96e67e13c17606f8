import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { type NotificationHandler, PostgresListener, type Unlisten } from './listener.js'
import { withTimeout } from './timeout.js'

// Return BIGINT (int8) and NUMERIC as numbers: counts and sums in this platform fit easily.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v))

export interface OpenDatabaseOptions {
  /** `postgres://…` for a real server; `pglite://<dir>` (or `pglite://memory`) for embedded PGlite. */
  url: string
  /** Pool size for a real server. */
  poolSize?: number
  /** Name reported to PostgreSQL (`application_name`). */
  applicationName?: string
  /**
   * Bound on getting a connection (a new one, or a free one from a busy pool): during an outage a
   * query fails after this long instead of hanging (default 3 s).
   */
  connectTimeoutMs?: number
}

export interface DatabaseHandle {
  /** Root Kysely instance. Services use `schemaDb(handle.db, schema)`; never this one directly. */
  readonly db: Kysely<any>
  readonly kind: 'postgres' | 'pglite'
  /** Resolves when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>
  /** LISTEN on a channel (best effort: a notification can be missed while reconnecting). */
  listen(channel: string, handler: NotificationHandler): Promise<Unlisten>
  close(): Promise<void>
}

/**
 * Embedded PGlite (`pnpm start`, tests without a server) is an optional dependency: production
 * images are installed without it (`pnpm deploy --prod --no-optional`), and a service there only
 * opens `postgres://` URLs.
 */
const embedded: { openPglite(dir: string): DatabaseHandle } | null = await import('./pglite.js').catch(
  (error: NodeJS.ErrnoException) => {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && /pglite/i.test(String(error.message))) return null
    throw error
  },
)

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const { url } = options
  if (url.startsWith('pglite:')) {
    if (!embedded)
      throw new Error(
        'embedded PGlite is not installed in this build (production images leave it out): set DATABASE_URL to a postgres:// URL',
      )
    return embedded.openPglite(url.slice('pglite:'.length).replace(/^\/\//, ''))
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(options)
  throw new Error(`unsupported database URL scheme in "${redactUrl(url)}": use postgres:// or pglite://`)
}

function openPostgres(options: OpenDatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'osinum',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    idleTimeoutMillis: 30_000,
    // A server that vanished without closing its sockets (failover, network cut) is noticed.
    keepAlive: true,
  })
  // A broken connection must never crash the process. The pool listens for errors on idle
  // connections only: one checked out (a transaction between two statements, Kysely holding it)
  // that the server terminates (57P01 on restart or pg_terminate_backend) would emit an unhandled
  // 'error'. Its statement in flight, or the next one, fails instead; the pool then drops it.
  pool.on('connect', (client) => {
    client.on('error', () => {})
  })
  pool.on('error', () => {})
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) })
  let listener: PostgresListener | undefined
  return {
    db,
    kind: 'postgres',
    ping: (timeoutMs = 2_000) => withTimeout(sql`select 1`.execute(db), timeoutMs),
    listen: (channel, handler) => {
      listener ??= new PostgresListener({
        connectionString: options.url,
        application_name: `${options.applicationName ?? 'osinum'}-listen`,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
        keepAlive: true,
      })
      return listener.listen(channel, handler)
    },
    close: async () => {
      await listener?.close()
      await db.destroy()
    },
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@')
}
