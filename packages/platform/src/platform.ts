import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { join } from 'node:path'
import { catalogueService } from '@osinum/catalogue'
import { diagnosticsService } from '@osinum/diagnostics'
import { identityService } from '@osinum/identity'
import { notificationsService } from '@osinum/notifications'
import { resourcesService } from '@osinum/resources'
import { BaseConfig, createHost, type Host, loadConfig, type ServiceModule } from '@osinum/service-kit'
import { WebEmbeddedConfig, webModule } from '@osinum/web'
import { type TObject, Type } from 'typebox'

/** The five services, in the order they are registered and seeded. */
export const MODULES: ServiceModule[] = [
  identityService,
  catalogueService,
  resourcesService,
  diagnosticsService,
  notificationsService,
]

export const PlatformConfig: TObject = Type.Object({
  ...BaseConfig.properties,
  ...Object.assign({}, ...MODULES.map((m) => m.config?.properties ?? {})),
  ...WebEmbeddedConfig.properties,
  OSINUM_DATA_DIR: Type.String({ minLength: 1, default: '.osinum-data' }),
  OSINUM_SEED: Type.Boolean({ default: true, description: 'Seed demo data at start (idempotent)' }),
})

/**
 * Embedded defaults: PGlite in the data folder, the in-process bus, and the loopback interface
 * only (`HOST=127.0.0.1`): the demo accounts and the development mailbox must not be reachable from
 * the network unless someone sets `HOST` (e.g. `HOST=0.0.0.0`) on purpose.
 */
export function embeddedEnv(
  env: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  const dataDir = env.OSINUM_DATA_DIR || '.osinum-data'
  const port = env.PORT || '3000'
  return {
    DATABASE_URL: `pglite://${dataDir}/pgdata`,
    NATS_URL: 'memory:',
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    // An empty variable counts as unset.
    ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  }
}

const randomSecret = () => randomBytes(48).toString('base64url')

/**
 * The web pages' session secret when WEB_SESSION_SECRET is unset: generated once and kept in the
 * data folder, so that a restart keeps people signed in.
 */
function dataDirSecret(dataDir: string): string {
  const file = join(dataDir, 'web-session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomSecret()
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface PlatformOptions {
  env?: Record<string, string | undefined>
  logger?: boolean
}

/** Builds the all-in-one process: five services and the web pages, one Fastify, one database, one bus; migrated and seeded. */
export async function buildPlatform(
  options: PlatformOptions = {},
): Promise<{ host: Host; config: Record<string, any> }> {
  const env = embeddedEnv(options.env)
  // PORT=0 (any free port): choose it now, so that links in emails and exports (PUBLIC_URL) work.
  if (env.PORT === '0' && !(options.env ?? process.env).PUBLIC_URL) {
    env.PORT = String(await freePort())
    env.PUBLIC_URL = `http://localhost:${env.PORT}`
  }
  const persistent = env.DATABASE_URL?.startsWith('pglite://') && !env.DATABASE_URL.includes('memory')
  env.WEB_SESSION_SECRET ??= persistent
    ? dataDirSecret(env.OSINUM_DATA_DIR || '.osinum-data')
    : randomSecret()
  const config = loadConfig(PlatformConfig, env) as Record<string, any>
  if (persistent) mkdirSync(config.DATABASE_URL.slice('pglite://'.length), { recursive: true })
  const host = await createHost({
    modules: MODULES,
    config: config as never,
    title: 'osinum',
    description:
      'osinum — plateforme pour la maîtrise du numérique des petites collectivités. Merged API of the five services.',
    embedded: true,
    logger: options.logger,
    // The web pages at `/`, in the same instance: they reach the API through app.inject.
    stateless: [webModule],
  })
  await host.app.ready()
  if (config.OSINUM_SEED) {
    for (const m of MODULES) if (m.seed) await m.seed(host.commandContext(m.name))
  }
  return { host, config }
}

export interface ListeningPlatform {
  host: Host
  config: Record<string, any>
  /** http://127.0.0.1:<port> */
  base: string
  /** Stops the platform and removes its temporary data folder. */
  close(): Promise<void>
}

/**
 * A throw-away embedded platform listening on a free loopback port, for browser tests and
 * benchmarks: PGlite in memory, a temporary data folder (dev mailbox), demo data, events running.
 */
export async function startListeningPlatform(
  options: { env?: Record<string, string>; logger?: boolean } = {},
): Promise<ListeningPlatform> {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const dataDir = mkdtempSync(join(tmpdir(), 'osinum-'))
  const { host, config } = await buildPlatform({
    env: {
      DATABASE_URL: 'pglite://memory',
      NATS_URL: 'memory:',
      OSINUM_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    logger: options.logger ?? false,
  })
  await host.startEvents()
  await host.app.listen({ port: config.PORT, host: '127.0.0.1' })
  return {
    host,
    config,
    base: `http://127.0.0.1:${config.PORT}`,
    async close() {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
