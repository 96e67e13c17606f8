import { IdentityEvents } from '@osinum/contracts'
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyConfigError, KeyStore } from './domain/keys.js'
import { identityService } from './service.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

const PROBLEM = /application\/problem\+json/
const SECRET = 'a-test-secret-of-enough-length'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')

describe('tokens: verification, refresh rotation and reuse, JWKS', () => {
  let h: TestService
  beforeAll(async () => {
    h = await startTestService({ SIGNING_KEY_ENCRYPTION_SECRET: SECRET })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('publishes the JWKS (public, cacheable) and its keys verify issued tokens', async () => {
    const pair = await h.signUp('jwks@mairie.example')
    const res = await h.inject({ method: 'GET', url: '/.well-known/jwks.json' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/)
    const jwks = res.json()
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })
    expect(jwks.keys[0].d).toBeUndefined()
    const { payload } = await jwtVerify(pair.accessToken, createLocalJWKSet(jwks), {
      issuer: 'osinum',
      audience: 'osinum',
    })
    expect(payload.sub).toBe(pair.userId)
  })

  it('keeps private keys encrypted at rest when SIGNING_KEY_ENCRYPTION_SECRET is set', async () => {
    const rows = await h.db.selectFrom('signing_keys').select('private_jwk').execute()
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) {
      expect(r.private_jwk.startsWith('enc:v1:')).toBe(true)
      expect(r.private_jwk).not.toContain('"d"')
    }
    const wrong = new KeyStore(h.db, {
      encryptionSecret: 'another-secret-of-enough-length',
      accessTokenTtlSeconds: 900,
      retireMarginSeconds: 300,
    })
    await expect(wrong.init()).rejects.toBeInstanceOf(KeyConfigError)
  })

  it('refuses tampered, foreign-signed, unsigned and expired tokens with a problem', async () => {
    const pair = await h.signUp('tamper@mairie.example')
    const [header, payload, signature] = pair.accessToken.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    const tampered = `${header}.${b64({ ...claims, roles: ['admin'] })}.${signature}`

    const { kid } = decodeProtectedHeader(pair.accessToken)
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
    const foreign = await new SignJWT({ ...claims, roles: ['admin'] })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .sign(privateKey)
    const unsigned = `${b64({ alg: 'none', kid })}.${b64({ ...claims, roles: ['admin'] })}.`

    const store = new KeyStore(h.db, {
      encryptionSecret: SECRET,
      accessTokenTtlSeconds: 900,
      retireMarginSeconds: 300,
    })
    await store.init()
    const key = await store.signingKey()
    const expired = await new SignJWT({ ...claims, iat: undefined, exp: undefined })
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key.privateKey)

    for (const token of [tampered, foreign, unsigned, expired, 'not-a-jwt']) {
      const res = await h.inject({ method: 'GET', url: '/v1/users', headers: bearer(token) })
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toMatch(PROBLEM)
      expect(res.json().code).toBe('OSI_INVALID_TOKEN')
    }
  })

  it('rotates the refresh token at each use; reusing an old one revokes the whole family', async () => {
    const first = await h.signUp('famille@mairie.example')
    const second = await h.refresh(first)
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.sessionId).toBe(first.sessionId)
    const third = await h.refresh(second)

    const reuse = await h.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    })
    expect(reuse.statusCode).toBe(401)
    expect(reuse.headers['content-type']).toMatch(PROBLEM)
    expect(reuse.json().code).toBe('OSI_IDENTITY_INVALID_REFRESH_TOKEN')

    // The newest token of the family is dead too, and so is the session.
    const latest = await h.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: third.refreshToken },
    })
    expect(latest.statusCode).toBe(401)
    const me = await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(third) })
    expect(me.statusCode).toBe(401)
    const session = await h.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', first.sessionId)
      .executeTakeFirstOrThrow()
    expect(session.revoked_reason).toBe('refresh-token-reuse')
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'refresh-token.reused')
      .execute()
    expect(audit.map((a) => a.target_id)).toContain(first.sessionId)

    // Other sessions of the same person are not touched.
    const other = await h.inject({
      method: 'POST',
      url: '/v1/auth/magic-link',
      payload: { email: 'famille@mairie.example' },
    })
    expect(other.statusCode).toBe(202)
    const link = await h.waitForEvent(
      IdentityEvents.MagicLinkRequested,
      (d) => d.email === 'famille@mairie.example',
    )
    const fresh = await h.inject({
      method: 'GET',
      url: `/v1/auth/magic-link/verify?token=${tokenOf(link.data.url)}`,
    })
    expect(fresh.statusCode).toBe(200)
  })

  it('refuses unknown refresh tokens', async () => {
    const res = await h.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: 'osr_unknown-token-value' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('OSI_IDENTITY_INVALID_REFRESH_TOKEN')
  })
})

describe('key rotation: the old key verifies until its tokens have expired, then stops', () => {
  let h: TestService
  beforeAll(async () => {
    h = await startTestService({
      ACCESS_TOKEN_TTL_SECONDS: '3',
      KEY_RETIRE_MARGIN_SECONDS: '2',
      SIGNING_KEYS_RELOAD_SECONDS: '0',
      MAGIC_LINK_URL: 'https://app.example/connexion',
    })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('rotates keys with the rotate-keys command', async () => {
    const pair = await h.signUp('rotation@mairie.example')
    const oldKid = decodeProtectedHeader(pair.accessToken).kid!
    // A token of the old key that has not expired yet, as another identity replica may have issued.
    const store = new KeyStore(h.db, { accessTokenTtlSeconds: 3, retireMarginSeconds: 2 })
    await store.init()
    const oldKey = await store.signingKey()
    const claims = { typ: 'access', sid: pair.sessionId, roles: [], orgs: [], op: null }
    const longLived = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: oldKey.kid })
      .setSubject(pair.userId)
      .setIssuer('osinum')
      .setAudience('osinum')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(oldKey.privateKey)

    const rotatedAt = Date.now()
    await identityService.commands!['rotate-keys']!(
      { ...h.host.commandContext('identity'), log: () => {} } as never,
      [],
    )

    const jwks = (await h.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(oldKid)
    expect(jwks.keys).toHaveLength(2)
    expect((await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(pair) })).statusCode).toBe(
      200,
    )
    expect(
      (await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(longLived) })).statusCode,
    ).toBe(200)

    const fresh = await h.refresh(pair)
    const newKid = decodeProtectedHeader(fresh.accessToken).kid!
    expect(newKid).not.toBe(oldKid)

    // Access-token lifetime (3 s) + margin (2 s): the old key leaves the JWKS and verifies nothing.
    await sleep(Math.max(0, rotatedAt + 5_300 - Date.now()))
    const after = (await h.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()
    expect(after.keys.map((k: { kid: string }) => k.kid)).toEqual([newKid])
    for (const token of [longLived, pair.accessToken]) {
      const res = await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(token) })
      expect(res.statusCode).toBe(401)
      expect(res.json().code).toBe('OSI_INVALID_TOKEN')
    }
    const newer = await h.refresh(fresh)
    expect((await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(newer) })).statusCode).toBe(
      200,
    )

    // The next rotation deletes the expired key; rotations are in the audit log.
    await identityService.commands!['rotate-keys']!(
      { ...h.host.commandContext('identity'), log: () => {} } as never,
      [],
    )
    const kids = (await h.db.selectFrom('signing_keys').select('kid').execute()).map((k) => k.kid)
    expect(kids).not.toContain(oldKid)
    expect(kids).toContain(newKid)
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'keys.rotated')
      .execute()
    expect(audit).toHaveLength(2)
  })

  it('builds links on the front-end URL when one is configured', async () => {
    await h.signUp('front@mairie.example')
    await h.inject({ method: 'POST', url: '/v1/auth/magic-link', payload: { email: 'front@mairie.example' } })
    const event = await h.waitForEvent(
      IdentityEvents.MagicLinkRequested,
      (d) => d.email === 'front@mairie.example',
    )
    expect(event.data.url).toMatch(/^https:\/\/app\.example\/connexion\?token=osm_/)
  })
})

describe('signing keys from SIGNING_KEYS (Kubernetes Secret)', () => {
  let h: TestService
  const kids = ['secret-key-2026', 'secret-key-2025']
  beforeAll(async () => {
    const keys = []
    for (const kid of kids) {
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
      keys.push({ ...(await exportJWK(privateKey)), kid })
    }
    h = await startTestService({ SIGNING_KEYS: JSON.stringify({ keys }) })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('signs with the first key, publishes all, stores none and refuses the rotate command', async () => {
    const pair = await h.signUp('secret@mairie.example')
    expect(decodeProtectedHeader(pair.accessToken).kid).toBe(kids[0])
    const jwks = (await h.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(kids)
    expect(await h.db.selectFrom('signing_keys').selectAll().execute()).toEqual([])
    await expect(
      identityService.commands!['rotate-keys']!(
        { ...h.host.commandContext('identity'), log: () => {} } as never,
        [],
      ),
    ).rejects.toBeInstanceOf(KeyConfigError)
  })

  it('names SIGNING_KEYS when it is malformed', async () => {
    for (const bad of [
      'not json',
      '{"keys":[]}',
      JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'abc' }] }),
    ]) {
      const store = new KeyStore(h.db, {
        signingKeys: bad,
        accessTokenTtlSeconds: 900,
        retireMarginSeconds: 300,
      })
      await expect(store.init()).rejects.toThrow(/SIGNING_KEYS/)
    }
  })
})
