import { describeWithPostgres, type PrivateServer, startPrivatePostgres } from '@osinum/testing'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './errors.js'
import { type DatabaseHandle, openDatabase } from './open.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Terminates every connection of this application, as an operator or a failover would. */
async function terminate(url: string, applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    const { rows } = await admin.query(
      'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name like $1',
      [`${applicationName}%`],
    )
    return rows[0].n
  } finally {
    await admin.end()
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await sleep(50)
  }
  throw new Error('condition not met in time')
}

describeWithPostgres('a database outage is an outage, not a crash (private PostgreSQL)', () => {
  let server: PrivateServer
  let handle: DatabaseHandle
  const uncaught: unknown[] = []
  const onUncaught = (error: unknown) => uncaught.push(error)
  beforeAll(async () => {
    server = await startPrivatePostgres()
    handle = openDatabase({ url: server.url, poolSize: 4, applicationName: 'osinum-outage' })
    process.on('uncaughtException', onUncaught)
  })
  afterAll(async () => {
    process.off('uncaughtException', onUncaught)
    await handle?.close()
    await server?.destroy()
  })

  it('survives the termination of a connection held by a transaction, and of the LISTEN connection', async () => {
    const heard: string[] = []
    await handle.listen('outage_probe', (p) => heard.push(p))
    await sql`select pg_notify('outage_probe', 'before')`.execute(handle.db)
    await eventually(async () => heard.includes('before'))

    // A transaction holding its connection between two statements when the server ends it.
    let holding!: () => void
    const held = new Promise<void>((resolve) => {
      holding = resolve
    })
    const inFlight = handle.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx)
      holding()
      await sleep(400)
      await sql`select 2`.execute(trx)
    })
    await held
    expect(await terminate(server.url, 'osinum-outage')).toBeGreaterThanOrEqual(2)
    const failure = await inFlight.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(failure).toBeDefined()
    expect(isDatabaseUnavailable(failure)).toBe(true)

    // The pool and the listener come back by themselves.
    await eventually(() => handle.ping().then(() => true))
    await eventually(async () => {
      await sql`select pg_notify('outage_probe', 'after')`.execute(handle.db)
      await sleep(100)
      return heard.includes('after')
    })
    // By now the terminated connections were replaced (the listener heard again): their errors
    // were handled, none escaped as an uncaught exception.
    expect(uncaught).toEqual([])
  })

  it('fails fast while the server is stopped and answers again as soon as it is back', async () => {
    await server.stop()
    const started = Date.now()
    const failure = await sql`select 1`.execute(handle.db).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(isDatabaseUnavailable(failure)).toBe(true)
    // Bounded: a refused connection, not a hang (generous: the machine is shared).
    expect(Date.now() - started).toBeLessThan(10_000)
    await expect(handle.ping()).rejects.toBeDefined()
    await server.start()
    await eventually(() => handle.ping().then(() => true))
    expect(uncaught).toEqual([])
  })
})
