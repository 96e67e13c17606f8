import { IdentityEvents } from '@osinum/contracts'
import { type DatabaseHandle, openDatabase } from '@osinum/db'
import { MemoryTransport } from '@osinum/events'
import type { Host } from '@osinum/service-kit'
import { createTestHost, waitFor } from '@osinum/service-kit/testing'
import { describeWithPostgres, type PrivateServer, startPrivatePostgres, uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { identityService } from './service.js'

describeWithPostgres(
  'identity: accepted means durable, across a database outage (private PostgreSQL)',
  () => {
    let pg: PrivateServer
    let database: DatabaseHandle
    let host: Host
    const schema = uniqueName('identity')
    beforeAll(async () => {
      pg = await startPrivatePostgres()
      database = openDatabase({ url: pg.url, poolSize: 4 })
      host = await createTestHost({
        modules: [identityService],
        schemas: { identity: schema },
        database,
        transport: new MemoryTransport(),
        env: {
          PUBLIC_URL: 'http://osinum.test',
          AUTH_RATE_LIMIT_PER_IP: '100000',
          AUTH_RATE_LIMIT_PER_EMAIL: '100000',
        },
      })
    })
    afterAll(async () => {
      await host?.close()
      await database?.close()
      await pg?.destroy()
    })

    const links = async (email: string) => {
      const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(`${schema}.outbox`)}
      where subject in (${IdentityEvents.EmailVerificationRequested.subject}, ${IdentityEvents.MagicLinkRequested.subject})
        and envelope->'data'->>'email' = ${email}`.execute(database.db)
      return rows[0]!.n
    }
    const post = (url: string, payload: object) => host.app.inject({ method: 'POST', url, payload })

    it('answers the same for a known and an unknown address, and sends the link exactly once', async () => {
      const known = await post('/v1/auth/register', { email: 'known@ahun.example' })
      await waitFor(async () => (await links('known@ahun.example')) === 1)
      const again = await post('/v1/auth/register', { email: 'known@ahun.example' })
      const unknown = await post('/v1/auth/magic-link', { email: 'nobody@ahun.example' })
      const knownLink = await post('/v1/auth/magic-link', { email: 'known@ahun.example' })
      for (const res of [known, again, knownLink]) expect(res.statusCode).toBe(202)
      expect(unknown.statusCode).toBe(202)
      expect(unknown.body).toBe(knownLink.body)
      await waitFor(async () => (await links('known@ahun.example')) === 3)
      expect(await links('nobody@ahun.example')).toBe(0)
    })

    it('refuses with 503 problem+json and Retry-After while the database is down, never a silent 202', async () => {
      await pg.stop()
      try {
        for (const [url, payload] of [
          ['/v1/auth/register', { email: 'during@ahun.example' }],
          ['/v1/auth/magic-link', { email: 'known@ahun.example' }],
          ['/v1/auth/password-reset', { email: 'known@ahun.example' }],
          ['/v1/auth/email/verification', { email: 'known@ahun.example' }],
        ] as const) {
          const res = await post(url, payload)
          expect(res.statusCode).toBe(503)
          expect(res.headers['content-type']).toContain('application/problem+json')
          expect(res.headers['retry-after']).toBeDefined()
          expect(res.json().code).toBe('OSI_UNAVAILABLE')
        }
      } finally {
        await pg.start()
      }
    })

    it('delivers a registration accepted just before the outage once the database is back', async () => {
      const { jobs } = host.services.get('identity')!.events
      await jobs.stop()
      const res = await post('/v1/auth/register', { email: 'before@ahun.example' })
      expect(res.statusCode).toBe(202)
      await pg.stop()
      jobs.start()
      await new Promise((r) => setTimeout(r, 1_000))
      await pg.start()
      await waitFor(async () => (await links('before@ahun.example')) === 1, 30_000)
      // Nothing left to do (no job due, no event unpublished): no second link can come later.
      await waitFor(() => host.services.get('identity')!.events.settled(), 30_000)
      expect(await links('before@ahun.example')).toBe(1)
    })
  },
)
