import '@osinum/service-kit/telemetry'
import { ConfigError, installGracefulShutdown } from '@osinum/service-kit'
import { buildPlatform } from './platform.js'

/** `pnpm start`: the whole platform in one process on embedded defaults, for trying, demos and development. */
const started = performance.now()
try {
  const { host, config } = await buildPlatform()
  await host.startEvents()
  await host.app.listen({ port: config.PORT, host: config.HOST })
  installGracefulShutdown(host, undefined, { delaySeconds: config.SHUTDOWN_DELAY_SECONDS })
  const address = host.app.server.address()
  const base = `http://localhost:${typeof address === 'object' && address ? address.port : config.PORT}`
  process.stdout.write(
    [
      '',
      `osinum is ready in ${((performance.now() - started) / 1000).toFixed(1)} s — embedded mode (PGlite in ${config.OSINUM_DATA_DIR}, in-process events).`,
      'Embedded mode is for trying, demos and development; production runs each service on PostgreSQL and NATS (docs/operations.md).',
      `  Web pages:  ${base}/`,
      `  API docs:   ${base}/docs`,
      `  OpenAPI:    ${base}/openapi.json`,
      `  Health:     ${base}/readyz`,
      '',
    ].join('\n'),
  )
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `osinum failed to start: ${(error as Error).stack ?? error}`}\n`,
  )
  process.exit(1)
}
