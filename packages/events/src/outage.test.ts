import {
  describeWithPostgres,
  infrastructure,
  natsServerBinary,
  type PrivateServer,
  startPrivateNats,
} from '@osinum/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { recordEvent } from './outbox.js'
import { createRig, eventually, Probe, type Rig, transports } from './test/fixture.js'

const infra = infrastructure()

describeWithPostgres('events survive a NATS outage (private nats-server)', () => {
  let nats: PrivateServer
  let rig: Rig
  beforeAll(async () => {
    if (!natsServerBinary()) throw new Error('nats-server is required for the outage test')
    nats = await startPrivateNats()
    rig = await createRig({
      databaseUrl: infra.databaseUrl,
      transport: transports.nats(nats.url),
      pollIntervalMs: 50,
    })
  })
  afterAll(async () => {
    await rig?.close()
    await nats?.destroy()
  })

  it('keeps accepting writes while NATS is down and delivers every event, in order per aggregate, after it returns', async () => {
    // Some traffic before the outage.
    await rig.producerDb.transaction().execute(async (trx) => {
      await recordEvent(trx, Probe, 'agg-0', { aggregate: 'agg-0', n: -1 })
    })
    rig.producer.relay.wake()
    await eventually(async () => (await rig.effects()).length === 1)

    await nats.stop()
    const started = Date.now()
    for (let n = 0; n < 40; n++)
      await rig.producerDb.transaction().execute(async (trx) => {
        await recordEvent(trx, Probe, `agg-${n % 4}`, { aggregate: `agg-${n % 4}`, n })
      })
    // Writes did not wait for the bus.
    expect(Date.now() - started).toBeLessThan(30_000)
    // The relay tried to publish them and failed: they wait in the outbox.
    const failures = rig.producer.relay.consecutiveFailures
    rig.producer.relay.wake()
    await eventually(async () => rig.producer.relay.consecutiveFailures > failures)
    const backlog = await rig.producerDb
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('published_at', 'is', null)
      .executeTakeFirstOrThrow()
    expect(Number(backlog.n)).toBe(40)

    await nats.start()
    await eventually(async () => (await rig.effects()).length === 41, 60_000)
    const effects = await rig.effects()
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(41)
    for (let a = 0; a < 4; a++) {
      const ns = effects.filter((e) => e.aggregate === `agg-${a}` && e.n >= 0).map((e) => e.n)
      expect(ns).toEqual([...ns].sort((x, y) => x - y))
      expect(ns).toHaveLength(10)
    }
  })
})
