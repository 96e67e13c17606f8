import { describeWithNats, infrastructure } from '@osinum/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { recordEvent } from './outbox.js'
import { OutboxRelay } from './relay.js'
import { republishEvents } from './republish.js'
import { createRig, eventually, Probe, type RigOptions, silentLogger, transports } from './test/fixture.js'

function republishSuite(options: RigOptions) {
  it('keeps published events for the configured retention, the reach of a republish', async () => {
    const rig = await createRig(options)
    try {
      await rig.producer.stop()
      for (const n of [2, 5]) {
        await rig.producerDb
          .transaction()
          .execute((trx) => recordEvent(trx, Probe, `agg-${n}`, { aggregate: `agg-${n}`, n }))
        await rig.producerDb
          .updateTable('outbox')
          .set({ published_at: sql`now() - make_interval(days => ${n})` })
          .where('published_at', 'is', null)
          .execute()
      }
      const relay = new OutboxRelay({
        db: rig.producerDb,
        schema: rig.producerSchema,
        transport: rig.transport,
        naming: rig.naming,
        logger: silentLogger,
        retentionMs: 3 * 24 * 3600_000,
      })
      relay.start()
      try {
        await eventually(
          async () => (await rig.producerDb.selectFrom('outbox').select('id').execute()).length === 1,
        )
      } finally {
        await relay.stop()
      }
      const kept = await rig.producerDb.selectFrom('outbox').select('envelope').execute()
      expect(JSON.stringify(kept[0]!.envelope)).toContain('agg-2')
    } finally {
      await rig.close()
    }
  })

  it('brings back the effects a consumer lost when its database was restored from an older backup, once each', async () => {
    const rig = await createRig(options)
    try {
      const before = new Date(Date.now() - 1_000)
      for (const n of [1, 2, 3])
        await rig.producerDb
          .transaction()
          .execute((trx) => recordEvent(trx, Probe, `agg-${n}`, { aggregate: `agg-${n}`, n }))
      rig.producer.relay.wake()
      await eventually(async () => (await rig.effects()).length === 3)
      // The consumer's database goes back to before events 2 and 3 (its inbox and effects with it).
      const lost = await rig.consumerDb.selectFrom('effects').select('event_id').where('n', '>=', 2).execute()
      const ids = lost.map((r) => r.event_id)
      await rig.consumerDb.deleteFrom('effects').where('event_id', 'in', ids).execute()
      await rig.consumerDb.deleteFrom('inbox').where('event_id', 'in', ids).execute()
      expect(await rig.effects()).toHaveLength(1)

      const count = await republishEvents(rig.producerDb, rig.transport, rig.naming, { since: before })

      expect(count).toBe(3)
      const effects = await eventually(async () => {
        const e = await rig.effects()
        return e.length === 3 && e
      })
      expect(effects.map((e) => e.n).sort()).toEqual([1, 2, 3])
      // Event 1, already processed, was skipped: still one effect for it.
      await new Promise((r) => setTimeout(r, 300))
      expect((await rig.effects()).filter((e) => e.n === 1)).toHaveLength(1)
    } finally {
      await rig.close()
    }
  })

  it('re-sends only the events of the range and of the type asked', async () => {
    const rig = await createRig(options)
    try {
      const record = (n: number) =>
        rig.producerDb
          .transaction()
          .execute((trx) => recordEvent(trx, Probe, `agg-${n}`, { aggregate: `agg-${n}`, n }))
      // Event 1 was recorded two days ago, event 2 now.
      await record(1)
      await rig.producerDb.updateTable('outbox').set({ created_at: sql`now() - interval '2 days'` }).execute()
      await record(2)
      const yesterday = new Date(Date.now() - 24 * 3600_000)
      const range = { since: new Date(Date.now() - 3 * 24 * 3600_000) }
      expect(await republishEvents(rig.producerDb, rig.transport, rig.naming, { since: yesterday })).toBe(1)
      expect(
        await republishEvents(rig.producerDb, rig.transport, rig.naming, { ...range, until: yesterday }),
      ).toBe(1)
      expect(
        await republishEvents(rig.producerDb, rig.transport, rig.naming, { ...range, type: Probe.type }),
      ).toBe(2)
      expect(
        await republishEvents(rig.producerDb, rig.transport, rig.naming, {
          ...range,
          type: `${Probe.type}.v2`,
        }),
      ).toBe(0)
      expect(
        await republishEvents(rig.producerDb, rig.transport, rig.naming, {
          ...range,
          type: 'osinum.identity.user.registered',
        }),
      ).toBe(0)
    } finally {
      await rig.close()
    }
  })
}

const infra = infrastructure()
describeWithNats('republishing a range of events over JetStream', () =>
  republishSuite({ databaseUrl: infra.databaseUrl, transport: transports.nats(infra.natsUrl!) }),
)
describe('republishing a range of events over the in-process bus', () =>
  republishSuite({ databaseUrl: 'pglite://memory', transport: transports.memory() }))
