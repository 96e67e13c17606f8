import { isDatabaseUnavailable } from '@osinum/db'
import type { Generated, Kysely, Migration, Transaction } from 'kysely'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { EventLogger } from './types.js'

/** The PostgreSQL notification channel on which a committed job announces itself. */
export const JOBS_CHANNEL = 'osinum_jobs'

export interface JobTable {
  id: string
  kind: string
  payload: unknown
  attempts: Generated<number>
  run_at: Generated<Date>
  last_error: string | null
  failed_at: Date | null
  created_at: Generated<Date>
}
export interface JobTables {
  jobs: JobTable
}

/** The migration creating a service's `jobs` table (listed by services that declare jobs). */
export const jobTablesMigration = (schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('last_error', 'text')
      .addColumn('failed_at', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await sql`create index jobs_due on ${sql.table(`${schema}.jobs`)} (run_at) where failed_at is null`.execute(
      db,
    )
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('jobs').execute()
  },
})

/**
 * Records a job in the caller's transaction (or alone): durable once committed, run by the
 * service's job runner in its own transaction, retried with back-off until it succeeds. What a
 * route answers 202 for is a job, never a promise in memory.
 */
export async function enqueueJob(
  trx: Kysely<any> | Transaction<any>,
  kind: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const id = uuidv7()
  await (trx as Kysely<JobTables>)
    .insertInto('jobs')
    .values({ id, kind, payload: JSON.stringify(payload), last_error: null, failed_at: null })
    .returning(sql<void>`pg_notify(${JOBS_CHANNEL}, tableoid::regclass::text)`.as('notified'))
    .execute()
  return id
}

export interface JobContext<P> {
  /** The job's transaction: its writes commit together with the job's removal (exactly once). */
  trx: Transaction<any>
  payload: P
  attempt: number
  log: EventLogger
}

export interface JobOptions {
  /** Attempts before the job is parked with `failed_at` set (default 8); database outages do not count. */
  maxAttempts?: number
  /** First retry delay; doubles each attempt up to 5 minutes (default 1 s). */
  backoffMs?: number
}

export interface JobRunnerOptions {
  db: Kysely<any>
  schema: string
  logger: EventLogger
  listen?: (channel: string, handler: (payload: string) => void) => Promise<() => Promise<void>>
  pollIntervalMs?: number
}

type Handler = { run: (ctx: JobContext<any>) => Promise<void>; options: Required<JobOptions> }

/**
 * Runs a service's jobs: one transaction per job (FOR UPDATE SKIP LOCKED, so replicas share the
 * work), the handler's writes and the job's deletion commit together. Woken by NOTIFY when a job
 * commits, polling as the fallback; while the database is unreachable it waits with back-off
 * (up to 5 s) and catches up as soon as it answers.
 */
export class JobRunner {
  private readonly handlers = new Map<string, Handler>()
  private stopped = true
  private loop: Promise<void> | undefined
  private unlisten: Promise<(() => Promise<void>) | undefined> | undefined
  private wakeUp: (() => void) | undefined
  private table: string | undefined

  constructor(private readonly options: JobRunnerOptions) {}

  get size(): number {
    return this.handlers.size
  }

  /** Whether any job kind is declared (the service then has a `jobs` table). */
  get defined(): boolean {
    return this.handlers.size > 0
  }

  define<P>(kind: string, run: (ctx: JobContext<P>) => Promise<void>, options: JobOptions = {}): void {
    this.handlers.set(kind, { run, options: { maxAttempts: 8, backoffMs: 1_000, ...options } })
  }

  start(): void {
    if (!this.stopped || this.handlers.size === 0) return
    this.stopped = false
    this.unlisten = this.listenForJobs()
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.wake()
    await this.loop
    await (await this.unlisten)?.()
  }

  wake(): void {
    this.wakeUp?.()
  }

  private async listenForJobs(): Promise<(() => Promise<void>) | undefined> {
    const { listen, db, schema, logger } = this.options
    if (!listen) return undefined
    try {
      const { rows } = await sql<{
        table: string
      }>`select ${`${schema}.jobs`}::regclass::text as table`.execute(db)
      this.table = rows[0]?.table
      return await listen(JOBS_CHANNEL, (payload) => {
        if (payload === this.table) this.wake()
      })
    } catch (error) {
      logger.warn({ err: error }, 'job runner: cannot listen for jobs, polling only')
      return undefined
    }
  }

  private async run(): Promise<void> {
    let failures = 0
    while (!this.stopped) {
      let ran = false
      try {
        ran = await this.runOne()
        failures = 0
      } catch (error) {
        failures++
        if (failures === 1 || !isDatabaseUnavailable(error))
          this.options.logger.warn({ err: error }, 'job runner: pass failed, will retry')
      }
      if (this.stopped) break
      if (ran) continue
      const wait = failures ? Math.min(5_000, 250 * 2 ** failures) : (this.options.pollIntervalMs ?? 1_000)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait)
        t.unref?.()
        this.wakeUp = () => {
          clearTimeout(t)
          resolve()
        }
      })
      this.wakeUp = undefined
    }
  }

  /** Runs one due job; false when none was due. Exposed for tests. */
  async runOne(): Promise<boolean> {
    const db = this.options.db as Kysely<JobTables>
    let failed: { id: string; kind: string; attempt: number; error: unknown } | undefined
    const ran = await db.transaction().execute(async (trx) => {
      const job = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('failed_at', 'is', null)
        .where('run_at', '<=', sql<Date>`now()`)
        .orderBy('run_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst()
      if (!job) return false
      const handler = this.handlers.get(job.kind)
      const attempt = job.attempts + 1
      // The handler runs in a savepoint (plain SQL: PGlite's driver has no savepoint API): a
      // failure undoes its writes, not the claim of the job.
      await sql`savepoint osinum_job`.execute(trx)
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
        await handler.run({
          trx,
          payload: typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload,
          attempt,
          log: this.options.logger,
        })
        await sql`release savepoint osinum_job`.execute(trx)
        await trx.deleteFrom('jobs').where('id', '=', job.id).execute()
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error
        await sql`rollback to savepoint osinum_job`.execute(trx)
        failed = { id: job.id, kind: job.kind, attempt, error }
        const options = handler?.options ?? { maxAttempts: 1, backoffMs: 1_000 }
        const delay = Math.min(300_000, options.backoffMs * 2 ** (attempt - 1))
        await trx
          .updateTable('jobs')
          .set({
            attempts: attempt,
            last_error: String((error as Error)?.message ?? error).slice(0, 2_000),
            run_at: sql<Date>`now() + make_interval(secs => ${delay / 1000})`,
            failed_at: attempt >= options.maxAttempts ? new Date() : null,
          })
          .where('id', '=', job.id)
          .execute()
      }
      return true
    })
    if (failed)
      this.options.logger.error(
        { err: failed.error, job: failed.id, kind: failed.kind, attempt: failed.attempt },
        'job failed',
      )
    return ran
  }
}
