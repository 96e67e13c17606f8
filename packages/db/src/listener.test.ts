import { type PrivateServer, startPrivatePostgres } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './open.js'

describe('notifications from PostgreSQL (private server)', () => {
  let server: PrivateServer
  let database: DatabaseHandle
  const received: string[] = []
  const notify = (payload: string) => sql`select pg_notify('osinum_test', ${payload})`.execute(database.db)
  const heard = async (payload: string, timeoutMs: number, by = received) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      await notify(payload).catch(() => {})
      await new Promise((resolve) => setTimeout(resolve, 100))
      if (by.includes(payload)) return true
      if (Date.now() > deadline) return false
    }
  }

  beforeAll(async () => {
    server = await startPrivatePostgres()
    database = openDatabase({ url: server.url, poolSize: 2 })
  })
  afterAll(async () => {
    await database?.close()
    await server?.destroy()
  })

  it('delivers a notification on commit, and none for a rolled-back transaction', async () => {
    const unlisten = await database.listen('osinum_test', (payload) => received.push(payload))
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`select pg_notify('osinum_test', 'rolled back')`.execute(trx)
        throw new Error('refused')
      })
      .catch(() => {})
    expect(await heard('committed', 15_000)).toBe(true)
    expect(received).not.toContain('rolled back')
    // A second handler on the channel witnesses that the next notification was delivered.
    const witnessed: string[] = []
    await database.listen('osinum_test', (payload) => witnessed.push(payload))
    await unlisten()
    received.length = 0
    expect(await heard('after unlisten', 15_000, witnessed)).toBe(true)
    expect(received).toEqual([])
  })

  it('listens again after the server restarts', async () => {
    await database.listen('osinum_test', (payload) => received.push(payload))
    expect(await heard('before', 15_000)).toBe(true)
    await server.stop()
    await server.start()
    expect(await heard('after restart', 30_000)).toBe(true)
  })
})
