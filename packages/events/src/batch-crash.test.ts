import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, expect, it } from 'vitest'
import { recordEvent } from './outbox.js'
import { createRig, eventually, Probe, type Rig, relayAll, transports } from './test/fixture.js'

const infra = infrastructure()
// Built by the global setup (tsc -b): the consumer runs in a process of its own, from dist/.
const child = fileURLToPath(new URL('../dist/test/crash-consumer.js', import.meta.url))

describeWithNats('a consumer killed between its commit and its ack (JetStream, PostgreSQL)', () => {
  let rig: Rig | undefined
  afterAll(async () => {
    await rig?.close()
  })

  it('gets the whole batch again and applies none of it twice', async () => {
    const ackWaitMs = 2_000
    rig = await createRig({
      databaseUrl: infra.databaseUrl,
      transport: transports.nats(infra.natsUrl!),
      startConsumer: false,
      consumer: { ackWaitMs },
    })
    const r = rig
    await r.producerDb.transaction().execute(async (trx) => {
      for (let n = 0; n < 50; n++)
        await recordEvent(trx, Probe, `agg-${n % 7}`, { aggregate: `agg-${n % 7}`, n })
    })
    await relayAll(r)

    // The consumer's process commits its first batch and is killed before any ack leaves.
    const proc = spawn(
      process.execPath,
      [child, infra.databaseUrl, infra.natsUrl!, r.naming.namespace, r.consumerSchema, String(ackWaitMs)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    proc.stdout!.on('data', (chunk) => {
      out += String(chunk)
    })
    await eventually(async () => out.includes('committed'), 60_000)
    proc.kill('SIGKILL')
    await once(proc, 'exit')
    // The 50 events made one batch, committed whole.
    const committed = (await r.effects()).length
    expect(committed).toBe(50)

    // Another replica of the consumer gets the unacked batch back after ack_wait.
    await r.consumer.start()
    await eventually(async () => {
      const o = r.outcomes()
      return o.processed + o.duplicate >= 50 && (await r.transport.pending(r.spec)) === 0
    }, 60_000)
    expect(r.outcomes()).toMatchObject({ processed: 50 - committed, duplicate: committed })
    const effects = await r.effects()
    expect(effects).toHaveLength(50)
    expect(new Set(effects.map((e) => e.n)).size).toBe(50)
  })
})
