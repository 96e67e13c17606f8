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
  try {
    const config = loadConfig(serviceConfigSchema(module)) as never
    host = await createHost({ modules: [module], config })
    await host.app.ready()
    await host.startEvents()
    await host.app.listen({ port: (config as BaseConfig).PORT, host: (config as BaseConfig).HOST })
  } catch (error) {
    fail(error)
  }
  installGracefulShutdown(host)
  return host
}

/** Stand-alone server of a module that owns no data: validated config (no database, no bus), graceful shutdown. */
export async function runStatelessService(module: StatelessModule): Promise<StatelessHost> {
  let host: StatelessHost
  try {
    const config = loadConfig(serviceConfigSchema(module)) as Readonly<HttpConfig>
    host = await createStatelessHost({ modules: [module], config })
    await host.app.ready()
    await host.app.listen({ port: config.PORT, host: config.HOST })
  } catch (error) {
    fail(error)
  }
  installGracefulShutdown(host)
  return host
}

export function installGracefulShutdown(
  host: Pick<Host, 'app' | 'close'>,
  after?: () => Promise<void>,
): void {
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) host.app.log.error({ err }, 'shutting down after an error')
    else host.app.log.info({ signal }, 'shutting down')
    await host.close()
    await after?.()
  })
}
