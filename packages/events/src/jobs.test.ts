import { migrateSchema, openDatabase, schemaDb } from '@osinum/db'
import { infrastructure, uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueueJob, JobRunner, jobTablesMigration } from './jobs.js'

const silent = { info() {}, warn() {}, error() {}, debug() {} } as never

describe('durable jobs (what a 202 route accepts)', () => {
  const handle = openDatabase({ url: infrastructure().databaseUrl, poolSize: 2 })
  const schema = uniqueName('jobs')
  const db = schemaDb<any>(handle.db, schema)
  beforeAll(async () => {
    await migrateSchema(handle.db, schema, (s) => ({
      '0001_jobs': jobTablesMigration(s),
      '0002_effects': {
        async up(d) {
          await d.schema.createTable('effects').addColumn('name', 'text').execute()
        },
      },
    }))
  })
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db)
    await handle.close()
  })

  const effects = async () =>
    (await db.selectFrom('effects').select('name').execute()).map((r: { name: string }) => r.name)
  const jobs = () => db.selectFrom('jobs').selectAll().execute()

  it('runs a committed job once, its writes and its removal in one transaction', async () => {
    const runner = new JobRunner({ db, schema, logger: silent })
    runner.define<{ name: string }>('write', async ({ trx, payload }) => {
      await trx.insertInto('effects').values({ name: payload.name }).execute()
    })
    await enqueueJob(db, 'write', { name: 'once' })
    expect(await runner.runOne()).toBe(true)
    expect(await runner.runOne()).toBe(false)
    expect(await effects()).toEqual(['once'])
    expect(await jobs()).toEqual([])
  })

  it('undoes the writes of a failing attempt, retries later, and parks the job after its attempts', async () => {
    const runner = new JobRunner({ db, schema, logger: silent })
    runner.define(
      'flaky',
      async ({ trx }) => {
        await trx.insertInto('effects').values({ name: 'half-done' }).execute()
        throw new Error('SMTP said no')
      },
      { maxAttempts: 2, backoffMs: 1 },
    )
    await enqueueJob(db, 'flaky', {})
    expect(await runner.runOne()).toBe(true)
    let [job] = await jobs()
    expect(job).toMatchObject({ attempts: 1, last_error: 'SMTP said no', failed_at: null })
    await new Promise((r) => setTimeout(r, 20))
    expect(await runner.runOne()).toBe(true)
    ;[job] = await jobs()
    expect(job!.attempts).toBe(2)
    expect(job!.failed_at).not.toBeNull()
    // Parked: no longer run, still there for an operator to see.
    expect(await runner.runOne()).toBe(false)
    expect((await effects()).filter((n: string) => n === 'half-done')).toEqual([])
  })
})
