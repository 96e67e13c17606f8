import { isDatabaseUnavailable } from '@osinum/db'
import closeWithGrace from 'close-with-grace'
import { type TObject, Type } from 'typebox'
import { BaseConfig, ConfigError, HttpConfig, loadConfig } from './config.js'
import { createHost, createStatelessHost, type Host, type StatelessHost } from './host.js'
import type { ServiceModule, StatelessModule } from './service.js'

/** The configuration schema of a service: BaseConfig (HttpConfig for a stateless module) plus its own variables. */
export function serviceConfigSchema(module: ServiceModule | StatelessModule): TObject {
  const base = 'migrations' in module ? BaseConfig : HttpConfig
  return Type.Object({ ...base.properties, ...(module.config?.properties ?? {}) })
}

function fail(error: unknown): never {
  const message =
    error instanceof ConfigError ? error.message : `failed to start: ${(error as Error).message}`
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

/** Stand-alone server of one service: validated config, migrations, events, graceful shutdown. */
export async function runService(module: ServiceModule): Promise<Host> {
  let host: Host
  let config: Readonly<BaseConfig>
  try {
    config = loadConfig(serviceConfigSchema(module)) as never
    host = await createHost({ modules: [module], config: config as never })
    await host.app.ready()
    await host.startEvents()
    await host.app.listen({ port: config.PORT, host: config.HOST })
  } catch (error) {
    fail(error)
  }
  installGracefulShutdown(host, undefined, { delaySeconds: config.SHUTDOWN_DELAY_SECONDS })
  return host
}

/** Stand-alone server of a module that owns no data: validated config (no database, no bus), graceful shutdown. */
export async function runStatelessService(module: StatelessModule): Promise<StatelessHost> {
  let host: StatelessHost
  let config: Readonly<HttpConfig>
  try {
    config = loadConfig(serviceConfigSchema(module)) as Readonly<HttpConfig>
    host = await createStatelessHost({ modules: [module], config })
    await host.app.ready()
    await host.app.listen({ port: config.PORT, host: config.HOST })
  } catch (error) {
    fail(error)
  }
  installGracefulShutdown(host, undefined, { delaySeconds: config.SHUTDOWN_DELAY_SECONDS })
  return host
}

/**
 * Signals stop the process gracefully: readiness turns 503 at once, the process keeps serving for
 * `delaySeconds` (SHUTDOWN_DELAY_SECONDS: the time load balancers take to stop sending it
 * requests, what a preStop sleep gives), then the listener closes; requests in flight finish, and
 * every answer given while shutting down says `Connection: close`, so keep-alive clients reconnect
 * elsewhere instead of finding a closed socket. So does an error nobody handled — except one that only
 * says the database is unreachable (a stray terminated connection, a rejected query nobody
 * awaited): an outage is not a reason to exit, everything reconnects by itself.
 */
export function installGracefulShutdown(
  host: Pick<Host, 'app' | 'close'>,
  after?: () => Promise<void>,
  options: { delaySeconds?: number } = {},
): void {
  const delayMs = (options.delaySeconds ?? 0) * 1000
  const grace = closeWithGrace(
    { delay: delayMs + 15_000, skip: ['uncaughtException', 'unhandledRejection'] },
    async ({ signal }) => {
      if (signal) host.app.log.info({ signal, delayMs }, 'shutting down')
      host.app.readiness?.markShuttingDown()
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
      await host.close()
      await after?.()
    },
  )
  let failing = false
  const onError = (kind: string) => (error: unknown) => {
    if (isDatabaseUnavailable(error)) {
      host.app.log.warn({ err: error }, `${kind} from a database outage, ignored: the process keeps serving`)
      return
    }
    if (failing) return
    failing = true
    host.app.log.error({ err: error }, 'shutting down after an error')
    grace.uninstall()
    setTimeout(() => process.exit(1), 15_000).unref()
    void (async () => {
      await host.close()
      await after?.()
    })()
      .catch(() => {})
      .finally(() => process.exit(1))
  }
  process.on('uncaughtException', onError('uncaught exception'))
  process.on('unhandledRejection', onError('unhandled rejection'))
}
