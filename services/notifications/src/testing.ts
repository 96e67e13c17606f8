/**
 * Test helpers of the notifications service: a REAL SMTP server (smtp-server, on a free loopback
 * port) whose received messages are parsed with mailparser, and a test host with its identity
 * projection fed through published events. Used by the *.test.ts files only.
 */
import { IdentityEvents, type MembershipRole, type PlatformRole } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import type { Host } from '@osinum/service-kit'
import {
  createTestHost,
  openTestDatabase,
  openTestTransport,
  publishTestEvent,
  testKeys,
  waitFor,
} from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from './domain/db.js'
import { notificationsService } from './service.js'

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  rcpt: string[]
  from: string
  parsed: ParsedMail
  raw: string
}

export interface TestSmtp {
  port: number
  url: string
  received: ReceivedMail[]
  /** RCPT attempts per address (accepted or refused). */
  attempts: Map<string, number>
  to(address: string): ReceivedMail[]
  close(): Promise<void>
}

/**
 * A real SMTP server on 127.0.0.1 (no TLS, no auth). `refuse(address, attempt)` may answer an
 * SMTP error for a recipient: e.g. 451 (temporary) for the first attempts, or 550 (permanent).
 */
export async function startSmtp(
  refuse: (address: string, attempt: number) => { code: number; message: string } | null = () => null,
): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const attempts = new Map<string, number>()
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const rcpt = address.address.toLowerCase()
      const n = (attempts.get(rcpt) ?? 0) + 1
      attempts.set(rcpt, n)
      const refusal = refuse(rcpt, n)
      if (!refusal) return callback()
      const error = new Error(refusal.message) as Error & { responseCode: number }
      error.responseCode = refusal.code
      callback(error)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              rcpt: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              parsed,
              raw: raw.toString('utf8'),
            })
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address()
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    attempts,
    to: (a) => received.filter((m) => m.rcpt.includes(a.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * Set-up and tear-down of a service with its projection: seconds on PostgreSQL, but PGlite (WASM)
 * on a busy 2-core machine may need minutes.
 */
export const HOOK_TIMEOUT_MS = 300_000

export const TEST_SECRET = 'test-unsubscribe-secret-0123456789abcdef'
export const PUBLIC_URL = 'https://osinum.example.fr'

export interface TestService {
  host: Host
  db: Db
  database: DatabaseHandle
  transport: EventTransport
  keys: Awaited<ReturnType<typeof testKeys>>
  close(): Promise<void>
}

/** The notifications service on the test database and bus, with fast retries. */
export async function startTestService(
  options: { env?: Record<string, string>; embedded?: boolean; smtp?: TestSmtp } = {},
): Promise<TestService> {
  const database = openTestDatabase()
  const transport = await openTestTransport()
  const keys = await testKeys()
  const host = await createTestHost({
    modules: [notificationsService],
    schemas: { notifications: uniqueName('notifications') },
    database,
    transport,
    embedded: options.embedded,
    getKey: keys.getKey,
    env: {
      EVENTS_NAMESPACE: uniqueName('t'),
      PUBLIC_URL,
      MAIL_FROM: 'osinum <ne-pas-repondre@osinum.example.fr>',
      // Stand-alone requires it; the embedded mode generates one and keeps it in the database.
      ...(options.embedded ? {} : { UNSUBSCRIBE_SECRET: TEST_SECRET }),
      EMAIL_RETRY_BASE_MS: '40',
      EMAIL_RETRY_MAX_MS: '400',
      EMAIL_POLL_INTERVAL_MS: '150',
      WEBHOOK_POLL_INTERVAL_MS: '150',
      ...(options.smtp ? { SMTP_URL: options.smtp.url } : {}),
      ...options.env,
    },
  })
  return {
    host,
    db: host.services.get('notifications')!.deps.db as Db,
    database,
    transport,
    keys,
    async close() {
      await host.close()
      await transport.close()
      await database.close()
    },
  }
}

export interface TestPerson {
  id: string
  email: string
  name: string
  roles?: PlatformRole[]
  operatorId?: string | null
}

export function person(name: string, extra: Partial<TestPerson> = {}): TestPerson {
  const id = uuidv7()
  return {
    id,
    name,
    email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${id.slice(-6)}@example.fr`,
    ...extra,
  }
}

/** Feeds the projection as identity would, and waits until it is there. */
export async function addUser(s: TestService, p: TestPerson): Promise<void> {
  await publishTestEvent(s.host, IdentityEvents.UserRegistered, p.id, {
    userId: p.id,
    email: p.email,
    displayName: p.name,
    platformRoles: p.roles ?? [],
    operatorId: p.operatorId ?? null,
  })
  await eventually(() =>
    s.db.selectFrom('users').select('user_id').where('user_id', '=', p.id).executeTakeFirst(),
  )
}

export async function addOrganisation(
  s: TestService,
  o: { id: string; name: string; operatorId?: string | null },
): Promise<void> {
  await publishTestEvent(s.host, IdentityEvents.OrganisationCreated, o.id, {
    organisationId: o.id,
    kind: 'commune',
    officialCode: '01001',
    name: o.name,
    population: 800,
    populationBracket: '500-999',
    departement: '01',
    region: '84',
    epci: null,
    operatorId: o.operatorId ?? null,
  })
  await eventually(() =>
    s.db.selectFrom('organisations').select('name').where('organisation_id', '=', o.id).executeTakeFirst(),
  )
}

export async function addMember(
  s: TestService,
  organisationId: string,
  userId: string,
  role: MembershipRole = 'elected',
): Promise<void> {
  await publishTestEvent(s.host, IdentityEvents.MembershipGranted, `${organisationId}:${userId}`, {
    organisationId,
    userId,
    role,
    referent: true,
  })
  await eventually(() =>
    s.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  )
}

/** `waitFor` with room for PGlite on a busy machine (the condition is polled every 25 ms). */
export const eventually = <T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
): Promise<T> => waitFor(check, 60_000, 25)

/** Waits for `count` emails to `address` (default one) and returns them. */
export async function mailTo(smtp: TestSmtp, address: string, count = 1): Promise<ReceivedMail[]> {
  return eventually(() => {
    const mails = smtp.to(address)
    return mails.length >= count ? mails : null
  })
}

/** The raw value of a header (unfolded), as the receiving server saw it. */
export const headerText = (mail: ReceivedMail, name: string): string | undefined => {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim()
}

/** The addresses of a parsed To/Cc header. */
export const addresses = (header: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(header) ? header : header ? [header] : []).flatMap((h) =>
    h.value.map((v) => v.address ?? ''),
  )
