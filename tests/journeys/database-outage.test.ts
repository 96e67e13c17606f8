import { PAGES } from '@osinum/contracts'
import { type DatabaseHandle, openDatabase } from '@osinum/db'
import { waitFor } from '@osinum/service-kit/testing'
import { describeWithNats, infrastructure, type PrivateServer, startPrivatePostgres } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Platform, startPlatform } from './harness.js'
import { expectEachMailOnce, signUpByMagicLink } from './steps.js'

const infra = infrastructure()

describeWithNats('journey 5: PostgreSQL goes away (terminated, restarted, stopped) and comes back', () => {
  let server: PrivateServer
  let database: DatabaseHandle
  let p: Platform
  const uncaught: unknown[] = []
  const onUncaught = (error: unknown) => uncaught.push(error)
  beforeAll(async () => {
    server = await startPrivatePostgres()
    database = openDatabase({ url: server.url, poolSize: 10, applicationName: 'osinum-journey' })
    p = await startPlatform({ natsUrl: infra.natsUrl!, database })
    process.on('uncaughtException', onUncaught)
  }, 120_000)
  afterAll(async () => {
    process.off('uncaughtException', onUncaught)
    await p?.close()
    await server?.destroy()
  })

  const register = (email: string) =>
    p.inject({ method: 'POST', url: '/v1/auth/register', payload: { email } })
  /** Registers as a client honouring Retry-After would. */
  const registerWithRetry = async (email: string) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const res = await register(email)
      if (res.statusCode !== 503) return res
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error('still unavailable')
  }
  const readyz = async () => (await p.inject({ method: 'GET', url: '/readyz' })).statusCode
  const verificationMails = (email: string) =>
    p.mail.to(email).filter((m) => m.text.includes(PAGES.verifyEmail)).length

  it('keeps running, answers 503 problem+json meanwhile, and delivers every email of the journey once', async () => {
    await signUpByMagicLink(p, 'avant@ahun.example', 'Avant')

    // Every connection terminated (an operator, a failover): the next requests work.
    const admin = openDatabase({ url: server.url, poolSize: 1, applicationName: 'admin' })
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name like 'osinum-journey%'`.execute(
      admin.db,
    )
    await admin.close()
    expect((await registerWithRetry('apres-coupure@ahun.example')).statusCode).toBe(202)

    // Stopped: readiness and requests say so, with Retry-After; nothing hangs, nothing crashes.
    await server.stop()
    const during = await register('pendant@ahun.example')
    expect(during.statusCode).toBe(503)
    expect(during.headers['content-type']).toContain('application/problem+json')
    expect(during.headers['retry-after']).toBeDefined()
    expect(during.json().code).toBe('OSI_UNAVAILABLE')
    expect(await readyz()).toBe(503)
    expect((await p.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200)
    await server.start()
    await waitFor(async () => (await readyz()) === 200, 30_000)
    // The client retries the refused registration, and another one comes.
    expect((await registerWithRetry('pendant@ahun.example')).statusCode).toBe(202)
    expect((await registerWithRetry('apres-redemarrage@ahun.example')).statusCode).toBe(202)

    const emails = ['apres-coupure@ahun.example', 'pendant@ahun.example', 'apres-redemarrage@ahun.example']
    await waitFor(() => emails.every((e) => verificationMails(e) >= 1), 60_000)
    // Once every redelivery has been handled: each email once.
    await p.settled()
    for (const e of emails) expect(verificationMails(e), e).toBe(1)
    expectEachMailOnce(p, ['avant@ahun.example', ...emails])
    expect(uncaught).toEqual([])
  })
})
