import { type DatabaseHandle, migrateSchema, openDatabase, schemaDb } from '@osinum/db'
import { describeWithPostgres, type PrivateServer, startPrivatePostgres, uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Db, StoredEmail } from './domain/db.js'
import { EmailSender } from './domain/email-sender.js'
import type { MailTransport } from './domain/mail-transport.js'
import { migrations } from './migrations/index.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** An SMTP stand-in that counts accepted messages by Message-ID and can run something mid-send. */
function countingTransport() {
  const accepted: string[] = []
  let during: (() => Promise<void>) | undefined
  const transport: MailTransport = {
    kind: 'smtp',
    async send(m: StoredEmail) {
      accepted.push(m.messageId)
      const hook = during
      during = undefined
      await hook?.()
      return { response: '250 ok' }
    },
    async close() {},
  }
  return { transport, accepted, onNextSend: (f: () => Promise<void>) => (during = f) }
}

describeWithPostgres(
  'notifications: each email once across a crash or an outage (private PostgreSQL)',
  () => {
    let pg: PrivateServer
    let database: DatabaseHandle
    let db: Db
    const schema = uniqueName('notif')
    beforeAll(async () => {
      pg = await startPrivatePostgres()
      database = openDatabase({ url: pg.url, poolSize: 4 })
      await migrateSchema(database.db, schema, migrations)
      db = schemaDb(database.db, schema)
    })
    afterAll(async () => {
      await database?.close()
      await pg?.destroy()
    })

    const queue = async () => {
      const notificationId = uuidv7()
      const cause = uuidv7()
      const messageId = `<${uuidv7()}@osinum.test>`
      await db
        .insertInto('notifications')
        .values({
          id: notificationId,
          cause_event_id: cause,
          user_id: null,
          recipient: 'mairie@ahun.example',
          category: 'account',
          kind: 'test',
          title: 't',
          body: 'b',
          link: null,
          in_app: false,
          read_at: null,
          relay: null,
        } as never)
        .execute()
      const message = {
        to: { address: 'mairie@ahun.example' },
        subject: 's',
        text: 't',
        html: 'h',
        headers: {},
        messageId,
      }
      await db
        .insertInto('deliveries')
        .values({
          id: uuidv7(),
          notification_id: notificationId,
          cause_event_id: cause,
          recipient: 'mairie@ahun.example',
          channel: 'email',
          category: 'account',
          status: 'pending',
          attempts: 0,
          next_attempt_at: new Date(),
          last_error: null,
          message: JSON.stringify(message),
        } as never)
        .execute()
      return messageId
    }
    const statusOf = async (messageId: string) =>
      (
        await sql<{ status: string }>`select status from ${sql.table(`${schema}.deliveries`)}
        where notification_id in (select id from ${sql.table(`${schema}.notifications`)})
        and (message->>'messageId' = ${messageId} or message is null)`.execute(database.db)
      ).rows.map((r) => r.status)

    const sender = (transport: MailTransport, leaseMs = 60_000) =>
      new EmailSender({
        db,
        schema,
        transport,
        workers: 1,
        batchSize: 10,
        pollIntervalMs: 50,
        maxAttempts: 5,
        retryBaseMs: 100,
        retryMaxMs: 1_000,
        sendingLeaseMs: leaseMs,
        log: { info() {}, warn() {}, error() {}, debug() {} } as never,
      })

    it('records an email the SMTP server accepted while the database was down once it returns, never sending it again', async () => {
      const smtp = countingTransport()
      const messageId = await queue()
      smtp.onNextSend(() => pg.stop())
      const s = sender(smtp.transport)
      s.start()
      await sleep(1_500)
      await pg.start()
      const deadline = Date.now() + 20_000
      while (
        Date.now() < deadline &&
        (await statusOf(messageId).catch((): string[] => [])).includes('sending')
      )
        await sleep(100)
      await s.stop()
      expect(smtp.accepted.filter((m) => m === messageId)).toHaveLength(1)
      const { rows } = await sql<{
        n: number
      }>`select count(*)::int as n from ${sql.table(`${schema}.deliveries`)} where status = 'sent'`.execute(
        database.db,
      )
      expect(rows[0]!.n).toBe(1)
    })

    it('sends, after the lease, an email whose sender died before the SMTP answer (delayed, not lost)', async () => {
      const messageId = await queue()
      // A sender that claims the row then "dies": its send never returns.
      const dying = sender({ kind: 'smtp', send: () => new Promise(() => {}), close: async () => {} }, 1_000)
      void dying.runOnce()
      // The dying sender has claimed the row (its lease runs from now).
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline && !(await statusOf(messageId)).includes('sending')) await sleep(20)
      expect(await statusOf(messageId)).toContain('sending')
      const smtp = countingTransport()
      const next = sender(smtp.transport, 1_000)
      expect(await next.runOnce()).toBe(0)
      await sleep(1_000)
      expect(await next.runOnce()).toBe(1)
      expect(smtp.accepted).toEqual([messageId])
    })
  },
)
