import type { ServiceName } from '@osinum/contracts'
import { type DatabaseHandle, migrateSchema, openDatabase, schemaDb } from '@osinum/db'
import {
  EventNaming,
  type EventTransport,
  MemoryTransport,
  NatsTransport,
  ServiceEvents,
} from '@osinum/events'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import { createRemoteJWKSet } from 'jose'
import { Registry } from 'prom-client'
import type { BaseConfig, HttpConfig } from './config.js'
import { serviceKit } from './kit.js'
import { boundedServerOptions, boundedValidator } from './limits.js'
import { loggerOptions, requestIdOf } from './logger.js'
import { watchDependencies } from './plugins/dependencies.js'
import { consumeRevocations, RevocationList } from './revocations.js'
import type { CommandContext, ServiceDeps, ServiceModule, StatelessModule } from './service.js'

export interface HostOptions {
  modules: ServiceModule[]
  config: Readonly<BaseConfig & Record<string, unknown>>
  /** OpenAPI title of the process. */
  title?: string
  description?: string
  /** Override the schema of a service (tests isolate themselves this way). */
  schemas?: Partial<Record<ServiceName, string>>
  /** Reuse an open database / transport (embedded platform, tests). */
  database?: DatabaseHandle
  transport?: EventTransport
  /** Modules without data (the web front-end), registered after the services in the same instance. */
  stateless?: StatelessModule[]
  embedded?: boolean
  /** Logger override (tests pass `false`). */
  logger?: boolean
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void }
}

export interface HostedService {
  module: ServiceModule
  deps: ServiceDeps
  events: ServiceEvents
}

export interface Host {
  app: FastifyInstance
  database: DatabaseHandle
  transport: EventTransport
  services: Map<ServiceName, HostedService>
  /** Subject and stream naming of this process (EVENTS_NAMESPACE). */
  naming: EventNaming
  /** Starts relays and consumers (after `app.ready()`). */
  startEvents(): Promise<void>
  /** Graceful stop: readiness 503, events stopped, HTTP closed, bus drained, database closed. */
  close(): Promise<void>
  commandContext(name: ServiceName): CommandContext
}

export async function openTransport(
  config: Pick<BaseConfig, 'NATS_URL' | 'NATS_CREDS_FILE' | 'NATS_TLS_CA_FILE' | 'NATS_STREAM_REPLICAS'>,
  name: string,
) {
  if (config.NATS_URL.startsWith('memory:')) return new MemoryTransport()
  return NatsTransport.connect({
    url: config.NATS_URL,
    name,
    credsFile: config.NATS_CREDS_FILE,
    tlsCaFile: config.NATS_TLS_CA_FILE,
    replicas: config.NATS_STREAM_REPLICAS,
  })
}

function fastifyOptions(
  config: Readonly<HttpConfig>,
  processName: string,
  logger?: boolean,
  stream?: HostOptions['logStream'],
) {
  return {
    logger:
      logger === false
        ? false
        : { ...(loggerOptions(config.LOG_LEVEL, processName) as object), ...(stream ? { stream } : {}) },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // The id is chosen by `requestIdOf` (a client's x-request-id only when safe), returned by the kit.
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Fastify's own request lines are off: the kit writes one access line per request (logAccess).
    logController: new LogController({ disableRequestLogging: true }),
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
    schemaController: { compilersFactory: { buildValidator: boundedValidator() as never } },
    ...boundedServerOptions(),
  } as const
}

/**
 * Builds an HTTP process hosting one service (stand-alone) or all five (embedded): one Fastify
 * instance with the kit, each service plugin in its own encapsulated context and schema.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  const { config, modules } = options
  const processName = modules.length === 1 ? modules[0]!.name : 'platform'
  const database =
    options.database ??
    openDatabase({
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      applicationName: `osinum-${processName}`,
    })
  const ownsDatabase = !options.database
  let transport: EventTransport | undefined = options.transport
  const ownsTransport = !transport
  try {
    for (const m of modules) {
      const schema =
        options.schemas?.[m.name] ?? (modules.length === 1 ? config.DATABASE_SCHEMA : undefined) ?? m.name
      if (config.MIGRATE_ON_START) await migrateSchema(database.db, schema, m.migrations)
    }
    transport ??= await openTransport(config, `osinum-${processName}`)
  } catch (error) {
    if (ownsDatabase) await database.close()
    throw error
  }
  const registry = new Registry()
  const app = Fastify(fastifyOptions(config, processName, options.logger, options.logStream))
  await app.register(serviceKit, {
    config,
    title: options.title ?? (modules.length === 1 ? modules[0]!.title : 'osinum'),
    description:
      options.description ?? (modules.length === 1 ? modules[0]!.description : 'osinum platform API'),
    registry,
    service: processName,
  })
  // Services other than identity verify tokens from identity's JWKS (cached; refetched on an unknown kid).
  if (config.JWKS_URL)
    app.auth.setKeySource(
      createRemoteJWKSet(new URL(config.JWKS_URL), {
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
        timeoutDuration: 3_000,
      }),
    )
  watchDependencies(app, database, transport)
  // Tokens identity revoked are refused by every service within moments (docs/security.md).
  const revocations = new RevocationList({
    listen: database.listen,
    logger: app.log.child({ component: 'revocations' }),
  })
  app.auth.setRevocations(revocations)
  app.readiness.add('revocations', () => revocations.ready())

  const naming = new EventNaming(config.EVENTS_NAMESPACE)
  const services = new Map<ServiceName, HostedService>()
  for (const module of modules) {
    const schema =
      options.schemas?.[module.name] ??
      (modules.length === 1 ? config.DATABASE_SCHEMA : undefined) ??
      module.name
    const db = schemaDb<any>(database.db, schema)
    const events = new ServiceEvents({
      service: module.name,
      db,
      schema,
      transport,
      naming,
      logger: app.log.child({ component: 'events', service: module.name }),
      registry,
      // Events leave as soon as their transaction commits (LISTEN/NOTIFY); the poll is the fallback.
      relay: {
        listen: database.listen,
        pollIntervalMs: 1_000,
        retentionMs: config.OUTBOX_RETENTION_DAYS * 24 * 3600_000,
      },
    })
    consumeRevocations(events, schema)
    revocations.addSource(schema, db)
    const deps: ServiceDeps = { config, db, schema, events, embedded: options.embedded ?? false }
    services.set(module.name, { module, deps, events })
    try {
      await app.register(async (scope) => {
        scope.addHook('onRoute', (route) => {
          route.config = { ...(route.config ?? {}), service: module.name } as typeof route.config
        })
        await scope.register(module.plugin, deps)
      })
    } catch (error) {
      // A service that cannot start (a wrong key secret…) must not leave the bus connection and
      // the pool open: they kept the process alive (`grant-admin` printed its error and hung).
      await app.close().catch(() => {})
      if (ownsTransport) await transport.close().catch(() => {})
      if (ownsDatabase) await database.close().catch(() => {})
      throw error
    }
  }

  for (const module of options.stateless ?? []) await registerStateless(app, module, config, options.embedded)

  let closed = false
  const host: Host = {
    app,
    database,
    transport,
    services,
    naming,
    async startEvents() {
      await revocations.start()
      for (const s of services.values()) await s.events.start()
    },
    async close() {
      if (closed) return
      closed = true
      app.readiness.markShuttingDown()
      for (const s of services.values()) await s.events.stop()
      await revocations.stop()
      await app.close()
      if (ownsTransport) await transport!.close()
      if (ownsDatabase) await database.close()
    },
    commandContext(name) {
      const s = services.get(name)
      if (!s) throw new Error(`service ${name} is not hosted here`)
      return { ...s.deps, root: database, log: (line: string) => process.stdout.write(`${line}\n`) }
    },
  }
  return host
}

async function registerStateless(
  app: FastifyInstance,
  module: StatelessModule,
  config: Readonly<HttpConfig & Record<string, unknown>>,
  embedded = false,
) {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), service: module.name } as typeof route.config
    })
    await scope.register(module.plugin, { config, embedded })
  })
}

export interface StatelessHost {
  app: FastifyInstance
  /** Graceful stop: readiness 503, then HTTP closed. */
  close(): Promise<void>
}

/**
 * A process of modules that own no data (stand-alone web front-end): the kit (errors, security
 * headers, health, metrics, logs) without database nor event bus.
 */
export async function createStatelessHost(options: {
  modules: StatelessModule[]
  config: Readonly<HttpConfig & Record<string, unknown>>
  logger?: boolean
}): Promise<StatelessHost> {
  const { config, modules } = options
  const first = modules[0]!
  const app = Fastify(fastifyOptions(config, modules.length === 1 ? first.name : 'front', options.logger))
  await app.register(serviceKit, {
    config,
    title: first.title,
    description: first.description,
    service: modules.length === 1 ? first.name : 'front',
  })
  for (const module of modules) await registerStateless(app, module, config)
  let closed = false
  return {
    app,
    async close() {
      if (closed) return
      closed = true
      app.readiness.markShuttingDown()
      await app.close()
    },
  }
}
