import closeWithGrace from 'close-with-grace'
import { type TObject, Type } from 'typebox'
import { BaseConfig, ConfigError, loadConfig } from './config.js'
import { createHost, type Host } from './host.js'
import type { ServiceModule } from './service.js'

/** The configuration schema of a service: BaseConfig plus its own variables. */
export function serviceConfigSchema(module: ServiceModule): TObject {
  return Type.Object({ ...BaseConfig.properties, ...(module.config?.properties ?? {}) })
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

export function installGracefulShutdown(host: Host, after?: () => Promise<void>): void {
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) host.app.log.error({ err }, 'shutting down after an error')
    else host.app.log.info({ signal }, 'shutting down')
    await host.close()
    await after?.()
  })
}
