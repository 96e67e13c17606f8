import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import type { FastifyInstance } from 'fastify'
import { createGauge } from './metrics.js'

/**
 * Readiness means "can serve requests": the database (critical). The bus is a detail shown in
 * /healthz, the gauge `osinum_event_bus_connected` and the alert OsinumEventBusDisconnected: while
 * it is down writes still succeed, their events wait in the outbox.
 */
export function watchDependencies(app: FastifyInstance, database: DatabaseHandle, transport: EventTransport) {
  app.readiness.add('database', () => database.ping())
  app.readiness.add('events', () => transport.ping(), { critical: false })
  createGauge(app, {
    name: 'osinum_database_up',
    help: 'Whether the database answered a trivial query at this scrape (1) or not (0): /readyz follows it',
    async collect() {
      this.set(
        await database.ping(1_000).then(
          () => 1,
          () => 0,
        ),
      )
    },
  })
  createGauge(app, {
    name: 'osinum_event_bus_connected',
    help: 'Whether this process is connected to the event bus (1) or not (0); events wait in the outbox meanwhile',
    collect() {
      this.set(transport.connected ? 1 : 0)
    },
  })
}
