import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestService, type TestService } from './testing.js'

describe('rate limits on authentication routes', () => {
  let h: TestService
  beforeAll(async () => {
    h = await startTestService({ AUTH_RATE_LIMIT_PER_IP: '6', AUTH_RATE_LIMIT_PER_EMAIL: '3' })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('limits requests per email, whatever the IP they come from', async () => {
    const ask = (email: string, ip: string) =>
      h.inject({ method: 'POST', url: '/v1/auth/magic-link', payload: { email }, remoteAddress: ip })
    for (let i = 1; i <= 3; i++)
      expect((await ask('Cible@Mairie.example', `10.0.0.${i}`)).statusCode).toBe(202)
    const limited = await ask('CIBLE@mairie.EXAMPLE', '10.0.0.9')
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(limited.json().code).toBe('OSI_RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await ask('autre@mairie.example', '10.0.0.9')).statusCode).toBe(202)
  })

  it('limits requests per IP across addresses and authentication routes', async () => {
    const ip = '10.1.0.1'
    for (let i = 0; i < 3; i++)
      expect(
        (
          await h.inject({
            method: 'POST',
            url: '/v1/auth/password-reset',
            payload: { email: `p${i}@x.example` },
            remoteAddress: ip,
          })
        ).statusCode,
      ).toBe(202)
    for (let i = 0; i < 3; i++)
      expect(
        (
          await h.inject({
            method: 'POST',
            url: '/v1/auth/login',
            payload: { email: `l${i}@x.example`, password: 'pas le bon mot de passe' },
            remoteAddress: ip,
          })
        ).statusCode,
      ).toBe(401)
    const limited = await h.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: 'osr_whatever-token' },
      remoteAddress: ip,
    })
    expect(limited.statusCode).toBe(429)
    expect(limited.json().code).toBe('OSI_RATE_LIMITED')
    const elsewhere = await h.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: 'osr_whatever-token' },
      remoteAddress: '10.1.0.2',
    })
    expect(elsewhere.statusCode).toBe(401)
  })
})
