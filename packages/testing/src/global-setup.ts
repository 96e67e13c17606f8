import type { TestProject } from 'vitest/node'

/** vitest global setup: resolves PostgreSQL and NATS once for every worker (see infra.ts). */
export default async function setup(_project: TestProject) {
  const stops: Array<() => Promise<unknown>> = []
  if (!process.env.DATABASE_URL || !process.env.NATS_URL) {
    let docker = false
    try {
      const { getContainerRuntimeClient } = await import('testcontainers')
      await getContainerRuntimeClient()
      docker = true
    } catch {
      docker = false
    }
    if (docker) {
      const { GenericContainer, Wait } = await import('testcontainers')
      if (!process.env.DATABASE_URL) {
        const { PostgreSqlContainer } = await import('@testcontainers/postgresql')
        const pg = await new PostgreSqlContainer('postgres:15-alpine').start()
        process.env.DATABASE_URL = pg.getConnectionUri()
        stops.push(() => pg.stop())
      }
      if (!process.env.NATS_URL) {
        const nats = await new GenericContainer('nats:2.9-alpine')
          .withCommand(['-js'])
          .withExposedPorts(4222)
          .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
          .start()
        process.env.NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`
        stops.push(() => nats.stop())
      }
    } else {
      const reason = 'no DATABASE_URL/NATS_URL and no Docker engine answered'
      if (!process.env.DATABASE_URL) {
        process.env.OSINUM_TEST_PG_FALLBACK_REASON = `${reason}: PostgreSQL tests run on embedded PGlite`
        console.warn(`[osinum tests] ${process.env.OSINUM_TEST_PG_FALLBACK_REASON}`)
      }
      if (!process.env.NATS_URL) {
        process.env.OSINUM_TEST_NATS_SKIP_REASON = `${reason}: tests that need NATS are skipped`
        console.warn(`[osinum tests] ${process.env.OSINUM_TEST_NATS_SKIP_REASON}`)
      }
    }
  }
  return async () => {
    for (const stop of stops) await stop()
  }
}
