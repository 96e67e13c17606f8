import { IdentityEvents } from '@osinum/contracts'
import type { Unlisten } from '@osinum/db'
import type { EventLogger, ServiceEvents } from '@osinum/events'
import { type Kysely, type Migration, sql } from 'kysely'

/** The PostgreSQL channel on which a consumer announces, at commit, that a revocation table changed. */
export const REVOCATIONS_CHANNEL = 'osinum_revocations'

/**
 * One row per thing refused: `session` (every token of session `subject`), `user` (tokens of
 * user `subject` issued before `not_before`), `erased` (every token of user `subject`, forever).
 */
export interface RevocationsTable {
  kind: 'session' | 'user' | 'erased'
  subject: string
  not_before: Date | null
  /** Null: never (erased accounts). */
  expires_at: Date | null
  reason: string
  updated_at: Date
}

/**
 * The kit's table of revoked tokens, in every service's schema (listed in each service's migration
 * set after the event tables, like them owned by the kit). Fed by `consumeRevocations`.
 */
export const revocationsMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('revocations')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'user', 'erased')`))
      .addColumn('subject', 'uuid', (c) => c.notNull())
      .addColumn('not_before', 'timestamptz')
      .addColumn('expires_at', 'timestamptz')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('revocations_pk', ['kind', 'subject'])
      .execute()
    await sql`create index revocations_expiry on ${sql.table(`${schema}.revocations`)} (expires_at) where expires_at is not null`.execute(
      db,
    )
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('revocations').execute()
  },
})

/**
 * Registers the durable consumer `<service>-revocations`: identity's `TokensRevoked` events become
 * rows of the service's revocation table, and the commit notifies every replica sharing the database
 * (the consumer runs on ONE replica; the others learn it from the notification, or the poll).
 */
export function consumeRevocations(events: ServiceEvents, schema: string): void {
  events.on(IdentityEvents.TokensRevoked, 'revocations', async ({ trx, event }) => {
    const d = event.data
    const rows = [
      ...d.sessionIds.map((id) => ({
        kind: 'session' as const,
        subject: id,
        not_before: null,
        expires_at: d.expiresAt,
      })),
      ...(d.issuedBefore
        ? [{ kind: 'user' as const, subject: d.userId, not_before: d.issuedBefore, expires_at: d.expiresAt }]
        : []),
      ...(d.forever
        ? [{ kind: 'erased' as const, subject: d.userId, not_before: null, expires_at: null }]
        : []),
    ].map((r) => ({ ...r, reason: d.reason }))
    if (rows.length) {
      // Two revocations of one thing keep the stricter one: the later instant, the later expiry, or never.
      await trx
        .insertInto('revocations')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['kind', 'subject']).doUpdateSet({
            not_before: sql`greatest(revocations.not_before, excluded.not_before)`,
            expires_at: sql`case when revocations.expires_at is null or excluded.expires_at is null then null
              else greatest(revocations.expires_at, excluded.expires_at) end`,
            reason: sql`excluded.reason`,
            updated_at: sql`now()`,
          }),
        )
        .execute()
      await sql`select pg_notify(${REVOCATIONS_CHANNEL}, ${schema})`.execute(trx)
    }
  })
}

const PRUNE_EVERY_MS = 10 * 60_000

/** What the auth check needs to know about a verified token. */
export interface TokenFacts {
  userId: string
  sessionId: string | null
  /** Issue instant in milliseconds (the UUIDv7 `jti`, else `iat`). */
  issuedAtMs: number
}

interface Snapshot {
  sessions: Map<string, number>
  users: Map<string, { before: number; expires: number }>
  erased: Set<string>
}

interface Source {
  schema: string
  db: Kysely<any>
  snapshot: Snapshot | undefined
  loading: Promise<void> | undefined
  again: boolean
}

export interface RevocationListOptions {
  listen?: (channel: string, handler: (payload: string) => void) => Promise<Unlisten>
  /** Full reload of every source: the fallback for a missed notification (default 1 s). */
  pollIntervalMs?: number
  logger: EventLogger
  now?: () => number
}

/**
 * The revoked tokens as this process knows them: an in-memory copy of the revocation table of
 * each service it hosts (one stand-alone, five embedded), reloaded when a consumer's commit
 * notifies `osinum_revocations` (LISTEN/NOTIFY, every replica) and every `pollIntervalMs`. The
 * kit's auth plugin asks it about every verified token.
 */
export class RevocationList {
  private readonly sources: Source[] = []
  private timer: NodeJS.Timeout | undefined
  private unlisten: Unlisten | undefined
  private stopped = true
  private warned = false

  constructor(private readonly options: RevocationListOptions) {}

  addSource(schema: string, db: Kysely<any>): void {
    this.sources.push({ schema, db, snapshot: undefined, loading: undefined, again: false })
  }

  /** Loads every source once (failures are retried by the poll), then listens and polls. */
  async start(): Promise<void> {
    if (!this.stopped) return
    this.stopped = false
    if (this.options.listen) {
      try {
        this.unlisten = await this.options.listen(REVOCATIONS_CHANNEL, (schema) => {
          for (const s of this.sources) if (s.schema === schema) void this.reload(s)
        })
      } catch (error) {
        this.options.logger.warn({ err: error }, 'revocations: cannot listen, polling only')
      }
    }
    await Promise.all(this.sources.map((s) => this.reload(s)))
    this.schedule()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.unlisten?.()
    this.unlisten = undefined
    await Promise.all(this.sources.map((s) => s.loading))
  }

  /** For readiness: every source has been read at least once. */
  async ready(): Promise<void> {
    const missing = this.sources.filter((s) => !s.snapshot).map((s) => s.schema)
    if (missing.length) throw new Error(`revocations not loaded yet: ${missing.join(', ')}`)
  }

  /** True when the token must be refused: its session ended, its holder's tokens of that age were revoked, or the account is erased. */
  refuses(token: TokenFacts): boolean {
    const now = (this.options.now ?? Date.now)()
    for (const { snapshot } of this.sources) {
      if (!snapshot) continue
      if (snapshot.erased.has(token.userId)) return true
      if (token.sessionId) {
        const until = snapshot.sessions.get(token.sessionId)
        if (until !== undefined && until > now) return true
      }
      const user = snapshot.users.get(token.userId)
      if (user && user.expires > now && token.issuedAtMs < user.before) return true
    }
    return false
  }

  /** Number of entries in force (for metrics). */
  size(): number {
    return this.sources.reduce(
      (n, { snapshot: s }) => n + (s ? s.sessions.size + s.users.size + s.erased.size : 0),
      0,
    )
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(async () => {
      await Promise.all(this.sources.map((s) => this.reload(s)))
      await this.prune()
      this.schedule()
    }, this.options.pollIntervalMs ?? 1_000)
    this.timer.unref?.()
  }

  private lastPrune = 0

  /** Entries no token can match any more (expired an hour ago) are deleted, by each replica every 10 minutes. */
  private async prune(): Promise<void> {
    const now = Date.now()
    if (now - this.lastPrune < PRUNE_EVERY_MS) return
    this.lastPrune = now
    for (const s of this.sources)
      await (s.db as Kysely<{ revocations: RevocationsTable }>)
        .deleteFrom('revocations')
        .where('expires_at', '<', sql<Date>`now() - interval '1 hour'`)
        .execute()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'revocations: prune failed'))
  }

  /** One reload at a time per source; a request arriving meanwhile runs once more after it. */
  private reload(source: Source): Promise<void> {
    if (source.loading) {
      source.again = true
      return source.loading
    }
    source.loading = (async () => {
      do {
        source.again = false
        try {
          source.snapshot = await this.read(source.db)
          this.warned = false
        } catch (error) {
          if (!this.warned)
            this.options.logger.warn({ err: error, schema: source.schema }, 'revocations: reload failed')
          this.warned = true
        }
      } while (source.again && !this.stopped)
    })().finally(() => {
      source.loading = undefined
    })
    return source.loading
  }

  private async read(db: Kysely<any>): Promise<Snapshot> {
    const rows = await (db as Kysely<{ revocations: RevocationsTable }>)
      .selectFrom('revocations')
      .select(['kind', 'subject', 'not_before', 'expires_at'])
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
      .execute()
    const snapshot: Snapshot = { sessions: new Map(), users: new Map(), erased: new Set() }
    for (const r of rows) {
      const expires = r.expires_at ? new Date(r.expires_at).getTime() : Number.POSITIVE_INFINITY
      if (r.kind === 'erased') snapshot.erased.add(r.subject)
      else if (r.kind === 'session') snapshot.sessions.set(r.subject, expires)
      else if (r.not_before)
        snapshot.users.set(r.subject, { before: new Date(r.not_before).getTime(), expires })
    }
    return snapshot
  }
}

/**
 * The issue instant of a token in milliseconds: identity's `jti` is a UUIDv7, whose first 48 bits
 * are the Unix time in ms (precise, unlike `iat`'s seconds); otherwise `iat` (or 0: unknown, as
 * old as can be).
 */
export function issuedAtMs(claims: { jti?: unknown; iat?: unknown }): number {
  const { jti, iat } = claims
  if (typeof jti === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(jti))
    return Number.parseInt(jti.slice(0, 8) + jti.slice(9, 13), 16)
  return typeof iat === 'number' ? iat * 1000 : 0
}
