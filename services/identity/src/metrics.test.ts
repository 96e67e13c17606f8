import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identityService } from './service.js'
import { startTestService, type TestService } from './testing.js'

const METRIC = 'osinum_signing_key_expiry_timestamp_seconds'
const DAY = 86400

/** The series of the signing-key gauge in a /metrics scrape, as kid → value. */
async function expirySeries(h: TestService): Promise<Map<string, number>> {
  const res = await h.inject({ method: 'GET', url: '/metrics' })
  expect(res.statusCode).toBe(200)
  expect(res.body).toContain(`# TYPE ${METRIC} gauge`)
  const series = new Map<string, number>()
  for (const [, kid, value] of res.body.matchAll(new RegExp(`^${METRIC}\\{kid="([^"]+)"\\} (\\S+)$`, 'gm')))
    series.set(kid!, Number(value))
  return series
}

describe('metrics: osinum_signing_key_expiry_timestamp_seconds (keys in the database)', () => {
  let h: TestService
  beforeAll(async () => {
    h = await startTestService({
      SIGNING_KEYS_RELOAD_SECONDS: '0',
      SIGNING_KEY_ROTATION_SECONDS: String(30 * DAY),
    })
  })
  afterAll(async () => {
    await h?.close()
  })

  const activeKey = () =>
    h.db
      .selectFrom('signing_keys')
      .select(['kid', 'created_at'])
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow()

  it('gives the rotation deadline of the signing key, and of the new one after a rotation', async () => {
    const first = await activeKey()
    const atStart = await expirySeries(h)
    expect([...atStart.keys()]).toEqual([first.kid])
    expect(atStart.get(first.kid)).toBeCloseTo(first.created_at.getTime() / 1000 + 30 * DAY, 3)
    // A fresh key does not trip the alerts (14 days ahead).
    expect(atStart.get(first.kid)! - Date.now() / 1000).toBeGreaterThan(14 * DAY)

    await identityService.commands!['rotate-keys']!(
      { ...h.host.commandContext('identity'), log: () => {} } as never,
      [],
    )
    const second = await activeKey()
    expect(second.kid).not.toBe(first.kid)
    // The retired key is still published (its tokens verify a while) but is no longer due for
    // rotation: only the key that signs is reported, so `min()` in the alert follows it.
    const jwks = (await h.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(first.kid)
    const afterRotation = await expirySeries(h)
    expect([...afterRotation.keys()]).toEqual([second.kid])
    expect(afterRotation.get(second.kid)).toBeCloseTo(second.created_at.getTime() / 1000 + 30 * DAY, 3)
  })
})

describe('metrics: osinum_signing_key_expiry_timestamp_seconds (keys from SIGNING_KEYS)', () => {
  let h: TestService
  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
    const keys = [{ ...(await exportJWK(privateKey)), kid: 'secret-key' }]
    h = await startTestService({ SIGNING_KEYS: JSON.stringify({ keys }) })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('reports no deadline: a Secret key carries no creation date', async () => {
    expect((await expirySeries(h)).size).toBe(0)
  })
})
