import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RequestFailedError } from './request-reply.js'
import { createRig, type Rig, transports } from './test/fixture.js'
import type { EventTransport } from './transport.js'

const infra = infrastructure()

/** What one service asks another and gets back at once, never stored (the GDPR export uses it). */
function requestReplySuite(options: { databaseUrl: string; transport: () => Promise<EventTransport> }) {
  let rig: Rig
  beforeAll(async () => {
    rig = await createRig({ databaseUrl: options.databaseUrl, transport: options.transport })
    await rig.consumer.respond('echo', async (data) => ({ echoed: data }))
    await rig.consumer.respond('fails', async () => {
      throw new Error('the responder broke')
    })
    await rig.consumer.respond('slow', () => new Promise((resolve) => setTimeout(resolve, 2_000)))
    await rig.consumer.respond('large', async () => ({
      rows: Array.from({ length: 50_000 }, (_, i) => `row ${i} of the export`),
    }))
  })
  afterAll(async () => {
    await rig?.close()
  })

  it('a service answers what another asks', async () => {
    expect(await rig.producer.request('notifications', 'echo', { userId: 'u1' })).toEqual({
      echoed: { userId: 'u1' },
    })
  })

  it('an answer larger than the 1 MB NATS message limit (1.4 MB of JSON) arrives whole, compressed', async () => {
    const answer = await rig.producer.request<{ rows: string[] }>('notifications', 'large', {})
    expect(answer.rows).toHaveLength(50_000)
    expect(answer.rows.at(-1)).toBe('row 49999 of the export')
  })

  it('nobody listening, a failing responder and a silent one are three distinct errors', async () => {
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'answered',
        (e: unknown) => (e instanceof RequestFailedError ? e.reason : String(e)),
      )
    expect(await reason(rig.producer.request('resources', 'echo', {}))).toBe('no-responders')
    expect(await reason(rig.producer.request('notifications', 'fails', {}))).toBe('responder-failed')
    await expect(rig.producer.request('notifications', 'fails', {})).rejects.toThrow('the responder broke')
    expect(await reason(rig.producer.request('notifications', 'slow', {}, 200))).toBe('timeout')
  })

  it('a stopped service no longer answers', async () => {
    await rig.consumer.stop()
    await expect(rig.producer.request('notifications', 'echo', {})).rejects.toMatchObject({
      reason: 'no-responders',
    })
  })
}

describeWithNats('request-reply over core NATS', () => {
  requestReplySuite({ databaseUrl: infra.databaseUrl, transport: transports.nats(infra.natsUrl!) })
})

describe('request-reply over the in-process bus (embedded mode)', () => {
  requestReplySuite({ databaseUrl: 'pglite://memory', transport: transports.memory() })
})
