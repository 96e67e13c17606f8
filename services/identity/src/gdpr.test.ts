import { IdentityEvents } from '@osinum/contracts'
import { type EventTransport, type RequestReplyTransport, requestSubject } from '@osinum/events'
import { EXPORTING_SERVICES, PERSONAL_DATA_EXPORT } from '@osinum/service-kit'
import { waitFor } from '@osinum/service-kit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

const EMAIL = 'marie.dupont@alleyrat.example'
const NAME = 'Marie Dupont'
const JOB = 'Maire d’Alleyrat'
const UA = 'Navigateur-de-Marie/1.0'
const IP = '203.0.113.77'

describe('GDPR: export and erasure', () => {
  let h: TestService
  let marie: TokenPair
  let communeId: string
  let colleagueId: string
  let otherCommuneId: string
  beforeAll(async () => {
    h = await startTestService()
    // Marie: a profile, a password, a session from a known browser and IP, an external identity,
    // a collectivité she created and refers, consent she gave, an invitation she sent, one she got.
    await h.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: EMAIL } })
    const verification = await h.waitForEvent(
      IdentityEvents.EmailVerificationRequested,
      (d) => d.email === EMAIL,
    )
    marie = (
      await h.inject({
        method: 'GET',
        url: `/v1/auth/email/verify?token=${tokenOf(verification.data.url)}`,
        headers: { 'user-agent': UA },
        remoteAddress: IP,
      })
    ).json()
    await h.inject({
      method: 'PATCH',
      url: '/v1/users/me',
      headers: bearer(marie),
      payload: { displayName: NAME, jobTitle: JOB },
    })
    await h.inject({
      method: 'PUT',
      url: '/v1/users/me/password',
      headers: bearer(marie),
      payload: { newPassword: 'le mot de passe de Marie' },
      remoteAddress: IP,
    })
    await h.db
      .insertInto('user_identities')
      .values({ issuer: 'https://proconnect.example', subject: 'sub-marie', user_id: marie.userId })
      .execute()
    communeId = (await h.createCommune(marie, '23003')).id
    await h.inject({ method: 'PUT', url: `/v1/organisations/${communeId}/consent`, headers: bearer(marie) })
    await h.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(marie),
      payload: { organisationId: communeId, email: 'collegue@alleyrat.example', role: 'agent' },
    })
    const invitation = await h.waitForEvent(
      IdentityEvents.InvitationRequested,
      (d) => d.email === 'collegue@alleyrat.example',
    )
    colleagueId = (
      await h.inject({ method: 'GET', url: `/v1/invitations/accept?token=${tokenOf(invitation.data.url)}` })
    ).json().userId
    const other = await h.signUp('maire@anzeme.example')
    otherCommuneId = (await h.createCommune(other, '23004')).id
    await h.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(other),
      payload: { organisationId: otherCommuneId, email: EMAIL, role: 'elected' },
    })
    await h.waitForEvent(IdentityEvents.InvitationRequested, (d) => d.email === EMAIL)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('the export is refused with 503 problem+json while a service does not answer (an incomplete archive would look complete)', async () => {
    const res = await h.inject({ method: 'GET', url: '/v1/users/me/export', headers: bearer(marie) })
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().code).toBe('OSI_EXPORT_UNAVAILABLE')
  })

  it('exports one archive: everything identity holds about me, and the part of every other service', async () => {
    // The other services, as they answer on the bus (their own tests cover what they put in).
    const transport = h.transport as EventTransport & RequestReplyTransport
    const stubs = await Promise.all(
      EXPORTING_SERVICES.map((service) =>
        transport.respond(
          requestSubject(h.host.naming, service, PERSONAL_DATA_EXPORT),
          `${service}-stub`,
          async (raw) => JSON.stringify({ ok: true, data: { askedFor: JSON.parse(raw).userId, service } }),
        ),
      ),
    )
    const res = await h.inject({ method: 'GET', url: '/v1/users/me/export', headers: bearer(marie) })
    await Promise.all(stubs.map((s) => s.stop()))
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/attachment/)
    const archive = res.json()
    for (const service of EXPORTING_SERVICES)
      expect(archive[service]).toEqual({ askedFor: marie.userId, service })
    const data = archive.identity
    expect(data.user).toMatchObject({
      id: marie.userId,
      email: EMAIL,
      displayName: NAME,
      jobTitle: JOB,
      hasPassword: true,
    })
    expect(data.user.passwordHash).toBeUndefined()
    expect(JSON.stringify(data)).not.toContain('$argon2')
    expect(data.memberships).toEqual([
      expect.objectContaining({ organisation_id: communeId, referent: true }),
    ])
    expect(data.sessions[0]).toMatchObject({ user_agent: UA, ip: IP })
    expect(data.externalIdentities).toEqual([expect.objectContaining({ subject: 'sub-marie' })])
    expect(data.membershipClaims).toEqual([
      expect.objectContaining({ organisation_id: communeId, status: expect.any(String) }),
    ])
    expect(data.invitationsSent).toHaveLength(1)
    expect(data.invitationsReceived).toHaveLength(1)
    expect(data.auditLog.map((a: { action: string }) => a.action)).toContain('login.succeeded')
  })

  it('erasure removes or anonymises every personal field, revokes sessions and memberships, and emits UserErased', async () => {
    // Let earlier events leave first, so that what remains in the outbox is what erasure wrote.
    await waitFor(async () => {
      const row = await h.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('published_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.n) === 0
    })
    const res = await h.inject({ method: 'DELETE', url: '/v1/users/me', headers: bearer(marie) })
    expect(res.statusCode).toBe(204)

    const user = await h.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', marie.userId)
      .executeTakeFirstOrThrow()
    expect(user).toMatchObject({
      email: null,
      email_verified_at: null,
      display_name: null,
      job_title: null,
      password_hash: null,
      password_changed_at: null,
      platform_roles: [],
      operator_id: null,
      status: 'erased',
      last_login_at: null,
    })
    expect(user.erased_at).toBeInstanceOf(Date)
    const sessions = await h.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', marie.userId)
      .execute()
    expect(sessions.every((s) => s.revoked_at && s.ip === null && s.user_agent === null)).toBe(true)
    expect(
      await h.db
        .selectFrom('refresh_tokens')
        .selectAll()
        .where(
          'session_id',
          'in',
          sessions.map((s) => s.id),
        )
        .execute(),
    ).toEqual([])
    expect(
      await h.db.selectFrom('user_identities').selectAll().where('user_id', '=', marie.userId).execute(),
    ).toEqual([])
    expect(
      await h.db.selectFrom('memberships').selectAll().where('user_id', '=', marie.userId).execute(),
    ).toEqual([])

    // No table of the schema holds her email, name, job title, browser or IP any more.
    const schema = h.host.services.get('identity')!.deps.schema
    const tables = await sql<{
      table_name: string
    }>`select table_name from information_schema.tables where table_schema = ${schema}`.execute(h.db)
    for (const { table_name } of tables.rows) {
      const rows = await sql<{
        t: string
      }>`select t::text as t from ${sql.table(`${schema}.${table_name}`)} t`.execute(h.db)
      for (const { t } of rows.rows)
        for (const secret of [EMAIL, NAME, JOB, UA, IP, 'sub-marie'])
          expect(t, `${table_name} still holds ${secret}`).not.toContain(secret)
    }

    await h.waitForEvent(IdentityEvents.UserErased, (d) => d.userId === marie.userId)
    await h.waitForEvent(
      IdentityEvents.MembershipRevoked,
      (d) => d.userId === marie.userId && d.organisationId === communeId,
    )
    // The collectivité keeps a referent: her colleague.
    await h.waitForEvent(
      IdentityEvents.MembershipGranted,
      (d) => d.userId === colleagueId && d.organisationId === communeId && d.referent,
    )
    const audit = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.erased').execute()
    expect(audit.map((a) => a.target_id)).toEqual([marie.userId])

    // Her tokens and password no longer work; the address is free to register again.
    expect((await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(marie) })).statusCode).toBe(
      401,
    )
    expect(
      (
        await h.inject({
          method: 'POST',
          url: '/v1/auth/refresh',
          payload: { refreshToken: marie.refreshToken },
        })
      ).statusCode,
    ).toBe(401)
    const login = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: EMAIL, password: 'le mot de passe de Marie' },
    })
    expect(login.statusCode).toBe(401)
    const again = await h.signUp(EMAIL)
    expect(again.userId).not.toBe(marie.userId)
  })

  it('admins erase an account on request; others may not', async () => {
    const target = await h.signUp('a-effacer@exemple.example')
    const someone = await h.signUp('quelquun@exemple.example')
    const denied = await h.inject({
      method: 'DELETE',
      url: `/v1/users/${target.userId}`,
      headers: bearer(someone),
    })
    expect(denied.statusCode).toBe(403)
    expect(denied.headers['content-type']).toMatch(/application\/problem\+json/)
    const admin = await h.signUp('admin@instance.example', { roles: ['admin'] })
    expect(
      (await h.inject({ method: 'DELETE', url: `/v1/users/${target.userId}`, headers: bearer(admin) }))
        .statusCode,
    ).toBe(204)
    await h.waitForEvent(IdentityEvents.UserErased, (d) => d.userId === target.userId)
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.erased')
      .where('target_id', '=', target.userId)
      .executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(admin.userId)
  })
})
