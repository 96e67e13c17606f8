import { jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { type PrivateCluster, startPrivateNatsCluster, uniqueName } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NatsTransport } from './nats-transport.js'

const nanos = (ms: number) => ms * 1_000_000
const DAY = 24 * 3600_000

/** Waits until the cluster has a JetStream meta leader (a new cluster needs a few seconds to elect one). */
async function jetStreamReady(nc: NatsConnection): Promise<void> {
  for (;;) {
    try {
      await (await jetstreamManager(nc, { timeout: 2_000 })).getAccountInfo()
      return
    } catch {
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}

describe('JetStream provisioning on a 3-node cluster keeps what an operator configured', () => {
  let cluster: PrivateCluster
  let operator: NatsConnection
  const transports: NatsTransport[] = []
  /** A service starting, as it would with NATS_STREAM_REPLICAS = `replicas`. */
  const serviceStart = async (replicas: number) => {
    const t = await NatsTransport.connect({ url: cluster.url, replicas })
    transports.push(t)
    return t
  }

  beforeAll(async () => {
    cluster = await startPrivateNatsCluster(3)
    operator = await connect({ servers: cluster.url.split(',') })
    await jetStreamReady(operator)
  })
  afterAll(async () => {
    for (const t of transports) await t.close()
    await operator?.close()
    await cluster?.destroy()
  })

  it('creates a stream with NATS_STREAM_REPLICAS replicas', async () => {
    const name = uniqueName('R3').toUpperCase()
    await (await serviceStart(3)).ensureStream({ name, subjects: [`${name}.>`] })
    const info = await (await jetstreamManager(operator)).streams.info(name)
    expect(info.config.num_replicas).toBe(3)
    expect(info.cluster?.replicas?.length).toBe(2)
  })

  it('keeps 3 replicas and the limits an operator set when a service restarts with the default of 1', async () => {
    const name = uniqueName('EDITED').toUpperCase()
    await (await serviceStart(1)).ensureStream({ name, subjects: [`${name}.>`] })
    const jsm = await jetstreamManager(operator)
    expect((await jsm.streams.info(name)).config.num_replicas).toBe(1)
    // What `nats stream edit --replicas 3 --max-bytes 1GB --max-age 90d` does.
    const edited = (await jsm.streams.info(name)).config
    await jsm.streams.update(name, {
      ...edited,
      num_replicas: 3,
      max_bytes: 1024 ** 3,
      max_age: nanos(90 * DAY),
      duplicate_window: nanos(20 * 60_000),
    })

    await (await serviceStart(1)).ensureStream({ name, subjects: [`${name}.>`] })

    const after = (await jsm.streams.info(name)).config
    expect(after.num_replicas).toBe(3)
    expect(after.max_bytes).toBe(1024 ** 3)
    expect(after.max_age).toBe(nanos(90 * DAY))
    expect(after.duplicate_window).toBe(nanos(20 * 60_000))
  })

  it('raises replicas when NATS_STREAM_REPLICAS grows, and adds a missing subject without removing any', async () => {
    const name = uniqueName('GROW').toUpperCase()
    await (await serviceStart(1)).ensureStream({ name, subjects: [`${name}.a.>`] })
    await (await serviceStart(3)).ensureStream({ name, subjects: [`${name}.b.>`] })
    const info = (await (await jetstreamManager(operator)).streams.info(name)).config
    expect(info.num_replicas).toBe(3)
    expect(info.subjects?.sort()).toEqual([`${name}.a.>`, `${name}.b.>`])
  })

  it("keeps a consumer's tuning (max_ack_pending, a longer ack wait) and fixes its subject filter", async () => {
    const name = uniqueName('CONS').toUpperCase()
    const service = await serviceStart(3)
    await service.ensureStream({ name, subjects: [`${name}.>`] })
    const spec = {
      stream: name,
      durable: 'notifications-mail',
      filterSubject: `${name}.x`,
      maxDeliver: 7,
      ackWaitMs: 30_000,
    }
    await service.ensureConsumer(spec)
    const jsm = await jetstreamManager(operator)
    await jsm.consumers.update(name, spec.durable, { max_ack_pending: 5_000, ack_wait: nanos(120_000) })

    await (await serviceStart(3)).ensureConsumer({ ...spec, filterSubject: `${name}.y` })

    const c = (await jsm.consumers.info(name, spec.durable)).config
    expect(c.max_ack_pending).toBe(5_000)
    expect(c.ack_wait).toBe(nanos(120_000))
    expect(c.max_deliver).toBe(7)
    expect(c.filter_subject).toBe(`${name}.y`)
  })
})
