import type {
  EventContract,
  EventData,
  EventEnvelope,
  MembershipRole,
  PlatformRole,
  ServiceName,
} from '@osinum/contracts'
import { type DatabaseHandle, openDatabase } from '@osinum/db'
import { type EventTransport, eventTablesMigration, MemoryTransport, NatsTransport } from '@osinum/events'
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose'
import { sql } from 'kysely'
import { type TObject, Type } from 'typebox'
import { v7 as uuidv7 } from 'uuid'
import { BaseConfig, loadConfig } from './config.js'
import { createHost, type Host } from './host.js'
import { revocationsMigration } from './revocations.js'
import type { ServiceModule } from './service.js'

/**
 * A signing key for tests of services other than identity: tokens shaped like identity's,
 * verified by the same kit plugin.
 */
export async function testKeys(issuer = 'osinum', audience = 'osinum') {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' }
  const getKey: JWTVerifyGetKey = async () => publicKey
  return {
    jwk,
    getKey,
    async token(claims: {
      sub: string
      /** Session id (identity's tokens always carry one). */
      sid?: string
      email?: string
      roles?: PlatformRole[]
      op?: string | null
      orgs?: Array<{ id: string; role: MembershipRole; ref?: boolean }>
      expiresIn?: string
      /** Issue instant (default now): `iat` in seconds, and the millisecond timestamp of the UUIDv7 `jti`. */
      issuedAt?: Date
    }) {
      const { expiresIn, issuedAt, ...rest } = claims
      const at = issuedAt ?? new Date()
      return (
        new SignJWT({ typ: 'access', roles: [], orgs: [], ...rest })
          .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
          .setIssuer(issuer)
          .setAudience(audience)
          .setIssuedAt(Math.floor(at.getTime() / 1000))
          .setExpirationTime(expiresIn ?? '5m')
          // Like identity's: a UUIDv7, whose timestamp is the precise issue instant (revocations).
          .setJti(uuidv7({ msecs: at.getTime() }))
          .sign(privateKey)
      )
    },
  }
}

/** The tables the kit needs in a service's schema (events, revocations): the migration set of a test module. */
export const kitTablesMigrations = (schema: string) => ({
  '0000_events': eventTablesMigration(schema),
  '0001_revocations': revocationsMigration(schema),
})

/**
 * The verification keys of a host serving identity (its `/.well-known/jwks.json`), for hosts of
 * other services started apart from it, as they would verify identity's tokens stand-alone.
 */
export async function jwksOf(identityHost: Host): Promise<JWTVerifyGetKey> {
  const res = await identityHost.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
  return createLocalJWKSet(res.json())
}

export interface TestHostOptions {
  modules: ServiceModule[]
  /** Schema per service; tests pass unique names. */
  schemas: Partial<Record<ServiceName, string>>
  database: DatabaseHandle
  transport: EventTransport
  env?: Record<string, string>
  getKey?: JWTVerifyGetKey
  embedded?: boolean
  /** Receives the log lines (set LOG_LEVEL in `env`); without it the host logs nothing. */
  logStream?: { write(line: string): void }
}

/** A host for tests: real database and bus handed in, no listening (use `app.inject`). */
export async function createTestHost(options: TestHostOptions): Promise<Host> {
  const schema: TObject = Type.Object({
    ...BaseConfig.properties,
    ...Object.assign({}, ...options.modules.map((m) => m.config?.properties ?? {})),
  })
  const config = loadConfig(schema, {
    DATABASE_URL: 'postgres://unused',
    NATS_URL: 'memory:',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '100000',
    ...options.env,
  }) as never
  const host = await createHost({
    modules: options.modules,
    config,
    schemas: options.schemas,
    database: options.database,
    transport: options.transport,
    embedded: options.embedded,
    logger: options.logStream ? undefined : false,
    logStream: options.logStream,
  })
  if (options.getKey) host.app.auth.setKeySource(options.getKey)
  await host.app.ready()
  await host.startEvents()
  // Closing a test host also drops the schemas it created, so repeated runs leave nothing behind.
  const close = host.close.bind(host)
  host.close = async () => {
    await close()
    for (const schema of Object.values(options.schemas))
      await sql`drop schema if exists ${sql.id(schema!)} cascade`.execute(options.database.db).catch(() => {})
  }
  return host
}

/** The shared test database (DATABASE_URL) or an in-memory PGlite. */
export function openTestDatabase(): DatabaseHandle {
  const url = process.env.DATABASE_URL || 'pglite://memory'
  return openDatabase({ url, poolSize: 4, applicationName: 'osinum-test' })
}

/** JetStream on NATS_URL when set, else the in-process transport. */
export async function openTestTransport(): Promise<EventTransport> {
  const url = process.env.NATS_URL
  return url ? NatsTransport.connect({ url, name: 'osinum-test' }) : new MemoryTransport()
}

/**
 * Publishes an event as its producing service would (envelope, stream, msgId = event id), for
 * testing a consumer without running the producer. Returns the envelope.
 */
export async function publishTestEvent<E extends EventContract>(
  host: Host,
  contract: E,
  aggregateId: string,
  data: EventData<E>,
  /** `id`: the event id; `msgId`: the bus's de-duplication id (the event id unless given). */
  options: { id?: string; msgId?: string } = {},
): Promise<EventEnvelope<EventData<E>>> {
  const naming = host.naming
  await host.transport.ensureStream({
    name: naming.stream(contract.service),
    subjects: naming.streamSubjects(contract.service),
  })
  const envelope: EventEnvelope<EventData<E>> = {
    id: options.id ?? uuidv7(),
    type: contract.type,
    version: contract.version,
    time: new Date().toISOString(),
    source: contract.service,
    aggregateId,
    data,
  }
  const [result] = await host.transport.publish([
    {
      subject: naming.subject(contract.subject),
      msgId: options.msgId ?? envelope.id,
      data: JSON.stringify(envelope),
      headers: {},
    },
  ])
  if (!result?.ok) throw (result as { error: Error }).error
  return envelope
}

/** Polls `check` until it returns a truthy value (or throws the last error after `timeoutMs`). */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) return value as T
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) throw lastError ?? new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
