import type { AddressInfo } from 'node:net'
import { DEMO } from '@osinum/contracts'
import { type DatabaseHandle, openDatabase } from '@osinum/db'
import { type EventTransport, MemoryTransport, NatsTransport } from '@osinum/events'
import { MODULES } from '@osinum/platform'
import type { Host } from '@osinum/service-kit'
import { createTestHost, openTestDatabase, waitFor } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import type { Kysely } from 'kysely'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface Mail {
  to: string[]
  subject: string
  text: string
  html: string
  attachments: Array<{ filename?: string; contentType: string; content: Buffer }>
  headers: Map<string, unknown>
}

/** A real SMTP server on loopback that keeps every message it receives. */
export async function startMailCatcher() {
  const mails: Mail[] = []
  // Messages between their MAIL FROM and their storage: an exchange under way.
  let transfers = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onMailFrom(_address, _session, callback) {
      transfers++
      callback()
    },
    onData(stream, _session, callback) {
      const done = (error?: Error) => {
        transfers--
        callback(error)
      }
      simpleParser(stream)
        .then((m: ParsedMail) => {
          const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          )
          mails.push({
            to,
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            attachments: m.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content,
            })),
            headers: m.headers,
          })
          done()
        })
        .catch(done)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Whether an SMTP exchange is under way (a message begun, not yet stored). */
    get busy() {
      return transfers > 0
    },
    to: (email: string) => mails.filter((m) => m.to.includes(email)),
    waitFor: (email: string, match: (m: Mail) => boolean = () => true, timeoutMs = 30_000) =>
      waitFor(() => mails.find((m) => m.to.includes(email) && match(m)), timeoutMs),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>

export interface Platform {
  host: Host
  database: DatabaseHandle
  transport: EventTransport
  mail: MailCatcher
  /** A service's own schema-bound database, to check what it keeps. */
  db(service: 'identity' | 'diagnostics' | 'catalogue' | 'resources' | 'notifications'): Kysely<any>
  inject: Host['app']['inject']
  /**
   * Resolves once the platform has nothing left to do: every event published and handled by
   * every consumer, no job due, no email waiting to be sent. A test waits for it before asserting
   * that something did not happen (a second email).
   */
  settled(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/**
 * The five services in one host on the real PostgreSQL (a schema each) and JetStream (a namespace
 * of their own), a real SMTP server, and the seeded catalogue, resources and demo people.
 */
export async function startPlatform(options: {
  /** JetStream; without it, the embedded mode's in-process bus on PGlite. */
  natsUrl?: string
  extraEnv?: Record<string, string>
  /** Another database than the shared one (fault tests use a private server). */
  database?: DatabaseHandle
}): Promise<Platform> {
  const mail = await startMailCatcher()
  const database =
    options.database ??
    (options.natsUrl
      ? openTestDatabase()
      : openDatabase({ url: 'pglite://memory', applicationName: 'osinum-journey' }))
  const transport: EventTransport = options.natsUrl
    ? await NatsTransport.connect({ url: options.natsUrl, publishTimeoutMs: 1_000 })
    : new MemoryTransport()
  const schemas = Object.fromEntries(MODULES.map((m) => [m.name, uniqueName(`j_${m.name}`)]))
  const host = await createTestHost({
    modules: MODULES,
    schemas,
    database,
    transport,
    env: {
      EVENTS_NAMESPACE: uniqueName('j'),
      PUBLIC_URL: 'http://osinum.test',
      SMTP_URL: mail.url,
      MAIL_FROM: 'osinum <no-reply@osinum.test>',
      UNSUBSCRIBE_SECRET: 'journeys-unsubscribe-secret-0123456789abcdefghij',
      REMINDERS_INTERVAL_MS: '0',
      ...options.extraEnv,
    },
  })
  for (const m of MODULES) if (m.seed) await m.seed(host.commandContext(m.name))
  return {
    host,
    database,
    transport,
    mail,
    db: (service) => host.services.get(service)!.deps.db,
    inject: host.app.inject.bind(host.app),
    async settled(timeoutMs = 60_000) {
      const idle = async () => {
        for (const s of host.services.values()) if (!(await s.events.settled())) return false
        const due = await host.services
          .get('notifications')!
          .deps.db.selectFrom('deliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where((eb) =>
            eb.or([
              eb('status', '=', 'sending'),
              eb.and([
                eb('status', '=', 'pending'),
                eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', new Date())]),
              ]),
            ]),
          )
          .executeTakeFirstOrThrow()
        // An email being sent may have lost its row already (erasure withdraws it): the SMTP side.
        return Number(due.n) === 0 && !mail.busy
      }
      // Twice in a row: a consumer's commit may have just queued the next step.
      await waitFor(async () => (await idle()) && (await idle()), timeoutMs, 50)
    },
    async close() {
      await host.close()
      await transport.close()
      await database.close()
      await mail.close()
    },
  }
}

export const bearer = (tokens: { accessToken: string }) => ({ authorization: `Bearer ${tokens.accessToken}` })

/** The path and query of the first link of a mail that contains `fragment`. */
export function linkIn(mail: Mail, fragment: string): string {
  const url = mail.text.match(/https?:\/\/\S+/g)?.find((u) => u.includes(fragment))
  if (!url) throw new Error(`no link with ${fragment} in mail "${mail.subject}":\n${mail.text}`)
  const parsed = new URL(url.replace(/[).,>]+$/, ''))
  return parsed.pathname + parsed.search
}

export { DEMO }
