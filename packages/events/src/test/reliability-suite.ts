import { openDatabase, schemaDb } from '@osinum/db'
import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { listDeadLetters, replayDeadLetter } from '../dead-letters.js'
import { recordEvent, recordEvents } from '../outbox.js'
import { createRig, eventually, loseFirstAck, Probe, type Rig, type RigOptions, relayAll } from './fixture.js'

/**
 * The behaviours every transport must give the platform, run over JetStream + PostgreSQL and over
 * the in-process bus + PGlite.
 */
export function reliabilitySuite(base: Omit<RigOptions, 'fail' | 'maxAttempts'>) {
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  it('applies an event committed with a change exactly once, despite duplicate publication and redelivery', async () => {
    rig = await createRig(base)
    const r = rig
    await r.producerDb.transaction().execute(async (trx) => {
      for (let n = 0; n < 20; n++)
        await recordEvent(trx, Probe, `agg-${n % 4}`, { aggregate: `agg-${n % 4}`, n })
    })
    r.producer.relay.wake()
    await eventually(async () => (await r.effects()).length === 20)

    // Duplicate publication: the relay publishes the same rows again (same msgID).
    await r.producerDb.updateTable('outbox').set({ published_at: null }).execute()
    await relayAll(r)
    // Redelivery past the bus's de-duplication: the same event under another message id.
    const rows = await r.producerDb.selectFrom('outbox').select(['id', 'subject', 'envelope']).execute()
    const again = await r.transport.publish(
      rows.map((row) => ({
        subject: r.naming.subject(row.subject),
        msgId: `${row.id}-redelivered`,
        data: JSON.stringify(row.envelope),
        headers: {},
      })),
    )
    expect(again.every((a) => a.ok && !a.duplicate)).toBe(true)
    // Wait until the consumer has handled all 40 deliveries (the relay's copies never reach it:
    // the bus drops them by msgID), then count the side effects.
    await eventually(async () => {
      const o = r.outcomes()
      return o.processed + o.duplicate >= 40 && (await r.transport.pending(r.spec)) === 0
    })
    expect(r.outcomes()).toMatchObject({ processed: 20, duplicate: 20 })
    const effects = await r.effects()
    expect(effects).toHaveLength(20)
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(20)
  })

  it('applies an event once when its delivery comes back after the commit (ack lost)', async () => {
    // The first ack of every message is lost: the bus delivers it again, same event id.
    rig = await createRig({ ...base, transport: async () => loseFirstAck(await base.transport()) })
    const r = rig
    await r.producerDb.transaction().execute(async (trx) => {
      for (let n = 0; n < 10; n++)
        await recordEvent(trx, Probe, `agg-${n % 3}`, { aggregate: `agg-${n % 3}`, n })
    })
    r.producer.relay.wake()
    // Both deliveries of each event reached the consumer; the second one had no effect.
    await eventually(async () => {
      const o = r.outcomes()
      return o.processed + o.duplicate >= 20 && (await r.transport.pending(r.spec)) === 0
    })
    expect(r.outcomes()).toMatchObject({ processed: 10, duplicate: 10 })
    const effects = await r.effects()
    expect(effects.map((e) => e.n).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('publishes nothing for a rolled-back transaction', async () => {
    rig = await createRig(base)
    const r = rig
    await expect(
      r.producerDb.transaction().execute(async (trx) => {
        await recordEvent(trx, Probe, 'agg', { aggregate: 'agg', n: 1 })
        throw new Error('business rule refused the change')
      }),
    ).rejects.toThrow('business rule refused the change')
    await r.producerDb.transaction().execute(async (trx) => {
      await recordEvent(trx, Probe, 'agg', { aggregate: 'agg', n: 2 })
    })
    // The rolled-back event was never recorded: the outbox holds only the committed one.
    const outbox = await r.producerDb.selectFrom('outbox').select('id').execute()
    expect(outbox).toHaveLength(1)
    r.producer.relay.wake()
    await eventually(async () => r.outcomes().processed === 1 && (await r.transport.pending(r.spec)) === 0)
    expect((await r.effects()).map((e) => e.n)).toEqual([2])
  })

  it('dead-letters a poison message after the bounded attempts while later messages flow, and replays it', async () => {
    let healed = false
    rig = await createRig({ ...base, maxAttempts: 3, fail: (data) => Boolean(data.poison) && !healed })
    const r = rig
    await r.producerDb.transaction().execute(async (trx) => {
      await recordEvent(trx, Probe, 'a', { aggregate: 'a', n: 1 })
      await recordEvent(trx, Probe, 'b', { aggregate: 'b', n: 2, poison: true })
      await recordEvent(trx, Probe, 'c', { aggregate: 'c', n: 3 })
      await recordEvent(trx, Probe, 'd', { aggregate: 'd', n: 4 })
    })
    r.producer.relay.wake()
    const [letter] = await eventually(async () => {
      const letters = await listDeadLetters(r.consumerDb)
      return letters.length === 1 ? letters : undefined
    })
    expect(letter!.attempts).toBe(3)
    expect(letter!.error).toContain('handler refused b#2')
    await eventually(async () => r.outcomes().processed === 3)
    expect((await r.effects()).map((e) => e.n).sort()).toEqual([1, 3, 4])

    healed = true
    await replayDeadLetter(r.consumerDb, r.transport, letter!.id)
    await eventually(async () => (await r.effects()).some((e) => e.n === 2))
    expect(await listDeadLetters(r.consumerDb)).toHaveLength(0)
    expect((await listDeadLetters(r.consumerDb, { all: true }))[0]!.replayCount).toBe(1)
  })

  it('dead-letters a poison event inside a batch while the rest of the batch commits', async () => {
    rig = await createRig({
      ...base,
      maxAttempts: 3,
      fail: (data) => Boolean(data.poison),
      startConsumer: false,
    })
    const r = rig
    await r.producerDb.transaction().execute(async (trx) => {
      for (let n = 0; n < 20; n++)
        await recordEvent(trx, Probe, `agg-${n % 5}`, { aggregate: `agg-${n % 5}`, n, poison: n === 7 })
    })
    await relayAll(r)
    // The consumer starts with the 20 events waiting: they come in one batch.
    await r.consumer.start()
    const [letter] = await eventually(async () => {
      const letters = await listDeadLetters(r.consumerDb)
      return letters.length === 1 ? letters : undefined
    })
    expect(letter!.attempts).toBe(3)
    expect(letter!.error).toContain('handler refused agg-2#7')
    expect(r.outcomes()).toMatchObject({ processed: 19, retried: 2, 'dead-lettered': 1 })
    // Its effect was rolled back with its savepoint; the others' committed.
    const ns = (await r.effects()).map((e) => e.n).sort((a, b) => a - b)
    expect(ns).toEqual([...Array(20).keys()].filter((n) => n !== 7))
  })

  it('keeps the order of each aggregate when batches interleave many aggregates', async () => {
    rig = await createRig({ ...base, startConsumer: false, consumer: { batchSize: 64 } })
    const r = rig
    for (let t = 0; t < 6; t++)
      await r.producerDb.transaction().execute(async (trx) => {
        for (let k = 0; k < 100; k++) {
          const n = t * 100 + k
          await recordEvent(trx, Probe, `agg-${n % 40}`, { aggregate: `agg-${n % 40}`, n })
        }
      })
    await relayAll(r)
    await r.consumer.start()
    await eventually(async () => r.outcomes().processed === 600, 60_000)
    const effects = await r.effects()
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(600)
    for (let a = 0; a < 40; a++) {
      const ns = effects.filter((e) => e.aggregate === `agg-${a}`).map((e) => e.n)
      expect(ns).toHaveLength(15)
      expect(ns).toEqual([...ns].sort((x, y) => x - y))
    }
  })

  it('delivers a burst recorded in one go (recordEvents) once each and in order per aggregate', async () => {
    rig = await createRig({ ...base, startConsumer: false })
    const r = rig
    // 1,500 events: more than one insert's worth (1,000 rows), over 30 aggregates.
    const burst = Array.from({ length: 1_500 }, (_, n) => ({
      aggregateId: `agg-${n % 30}`,
      data: { aggregate: `agg-${n % 30}`, n },
    }))
    await r.producerDb.transaction().execute(async (trx) => {
      const envelopes = await recordEvents(trx, Probe, burst)
      expect(envelopes.map((e) => e.data.n)).toEqual(burst.map((b) => b.data.n))
    })
    // One event off its contract refuses the whole list: nothing of it is recorded.
    await expect(
      r.producerDb
        .transaction()
        .execute((trx) =>
          recordEvents(trx, Probe, [
            burst[0]!,
            { aggregateId: 'agg-0', data: { aggregate: 'agg-0' } as never },
          ]),
        ),
    ).rejects.toThrow(/does not match its contract/)
    await relayAll(r)
    await r.consumer.start()
    await eventually(async () => r.outcomes().processed === 1_500, 60_000)
    const effects = await r.effects()
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(1_500)
    for (let a = 0; a < 30; a++) {
      const ns = effects.filter((e) => e.aggregate === `agg-${a}`).map((e) => e.n)
      expect(ns).toEqual(burst.filter((b) => b.aggregateId === `agg-${a}`).map((b) => b.data.n))
    }
  })

  it('dead-letters at once a message that does not match its contract', async () => {
    rig = await createRig(base)
    const r = rig
    await r.transport.publish([
      {
        subject: r.naming.subject(Probe.subject),
        msgId: '0193a0ff-0000-7000-8000-00000000dead',
        data: JSON.stringify({
          id: '0193a0ff-0000-7000-8000-00000000dead',
          type: Probe.type,
          data: { nope: true },
        }),
        headers: {},
      },
    ])
    const [letter] = await eventually(async () => {
      const letters = await listDeadLetters(r.consumerDb)
      return letters.length ? letters : undefined
    })
    expect(letter!.attempts).toBe(1)
    expect(letter!.error).toMatch(/does not match/)
    expect(await r.effects()).toHaveLength(0)
  })

  it('keeps the order of each aggregate', async () => {
    rig = await createRig(base)
    const r = rig
    for (let n = 0; n < 30; n++)
      await r.producerDb.transaction().execute(async (trx) => {
        await recordEvent(trx, Probe, `agg-${n % 3}`, { aggregate: `agg-${n % 3}`, n })
      })
    r.producer.relay.wake()
    await eventually(async () => (await r.effects()).length === 30)
    const effects = await r.effects()
    for (const agg of ['agg-0', 'agg-1', 'agg-2']) {
      const ns = effects.filter((e) => e.aggregate === agg).map((e) => e.n)
      expect(ns).toEqual([...ns].sort((a, b) => a - b))
    }
    // The outbox rows are all marked published.
    const pending = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(
      `${(r.producer as unknown as { options: { schema: string } }).options.schema}.outbox`,
    )} where published_at is null`.execute(r.root.db)
    expect(pending.rows[0]!.n).toBe(0)
  })

  it('publishes an event as soon as its transaction commits, without waiting for the poll', async () => {
    rig = await createRig({ ...base, listen: true })
    const r = rig
    // Written through another connection pool, as another replica or a CLI job would.
    const other = base.databaseUrl.startsWith('pglite') ? r.root : openDatabase({ url: base.databaseUrl })
    try {
      for (let n = 1; n <= 3; n++) {
        await schemaDb<any>(other.db, r.producerSchema)
          .transaction()
          .execute((trx) => recordEvent(trx, Probe, 'agg', { aggregate: 'agg', n }))
        // The relay polls once a minute here: only the commit notification can deliver in time.
        await eventually(async () => (await r.effects()).length === n, 15_000)
      }
    } finally {
      if (other !== r.root) await other.close()
    }
  })
}
