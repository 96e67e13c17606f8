import { IdentityEvents } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from './domain/crypto.js'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

describe('invitations to a collectivité', () => {
  let h: TestService
  let referent: TokenPair
  let communeId: string
  beforeAll(async () => {
    h = await startTestService()
    referent = await h.signUp('maire@anzeme.example')
    communeId = (await h.createCommune(referent, '23004')).id
    await h.inject({
      method: 'PATCH',
      url: '/v1/users/me',
      headers: bearer(referent),
      payload: { displayName: 'Bernard Maire' },
    })
  })
  afterAll(async () => {
    await h?.close()
  })

  const invite = (pair: TokenPair, email: string, role = 'agent', organisationId = communeId) =>
    h.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(pair),
      payload: { organisationId, email, role },
    })
  const linkFor = async (email: string) =>
    (await h.waitForEvent(IdentityEvents.InvitationRequested, (d) => d.email === email)).data

  it('the referent invites by email; accepting once creates the account, the membership and a session', async () => {
    const res = await invite(referent, 'Secretariat@Anzeme.example')
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      organisationId: communeId,
      email: 'secretariat@anzeme.example',
      role: 'agent',
      status: 'pending',
    })
    const data = await linkFor('secretariat@anzeme.example')
    expect(data).toMatchObject({ organisationName: 'Anzême', role: 'agent', invitedBy: 'Bernard Maire' })
    expect(data.url).toMatch(/^http:\/\/osinum\.test\/invitation\?token=osi_/)
    const days = (new Date(data.expiresAt).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThanOrEqual(7)
    const stored = await h.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', data.invitationId)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).toBe(sha256(tokenOf(data.url)))

    const accepted = await h.inject({
      method: 'GET',
      url: `/v1/invitations/accept?token=${tokenOf(data.url)}`,
    })
    expect(accepted.statusCode).toBe(200)
    const pair = accepted.json() as TokenPair & { organisationId: string }
    expect(pair.organisationId).toBe(communeId)
    const me = (await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(pair) })).json()
    expect(me).toMatchObject({ email: 'secretariat@anzeme.example', emailVerified: true })
    expect(me.memberships).toEqual([
      {
        organisationId: communeId,
        organisationName: 'Anzême',
        kind: 'commune',
        role: 'agent',
        referent: false,
        verification: 'verified',
      },
    ])
    await h.waitForEvent(IdentityEvents.UserRegistered, (d) => d.userId === pair.userId)
    await h.waitForEvent(
      IdentityEvents.MembershipGranted,
      (d) => d.userId === pair.userId && d.organisationId === communeId && d.role === 'agent' && !d.referent,
    )

    const again = await h.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token: tokenOf(data.url) },
    })
    expect(again.statusCode).toBe(400)
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(again.json().code).toBe('OSI_IDENTITY_INVALID_INVITATION')
  })

  it('an expired or withdrawn invitation is refused', async () => {
    await invite(referent, 'tard@anzeme.example')
    const late = await linkFor('tard@anzeme.example')
    await h.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', late.invitationId)
      .execute()
    const expired = await h.inject({
      method: 'GET',
      url: `/v1/invitations/accept?token=${tokenOf(late.url)}`,
    })
    expect(expired.statusCode).toBe(400)
    expect(expired.json().code).toBe('OSI_IDENTITY_INVALID_INVITATION')

    await invite(referent, 'retire@anzeme.example')
    const withdrawn = await linkFor('retire@anzeme.example')
    const del = await h.inject({
      method: 'DELETE',
      url: `/v1/invitations/${withdrawn.invitationId}`,
      headers: bearer(referent),
    })
    expect(del.statusCode).toBe(204)
    const refused = await h.inject({
      method: 'GET',
      url: `/v1/invitations/accept?token=${tokenOf(withdrawn.url)}`,
    })
    expect(refused.statusCode).toBe(400)

    const list = await h.inject({
      method: 'GET',
      url: `/v1/invitations?organisationId=${communeId}`,
      headers: bearer(referent),
    })
    expect(list.statusCode).toBe(200)
    const statuses = Object.fromEntries(
      list.json().items.map((i: { email: string; status: string }) => [i.email, i.status]),
    )
    expect(statuses).toMatchObject({
      'secretariat@anzeme.example': 'accepted',
      'tard@anzeme.example': 'expired',
      'retire@anzeme.example': 'revoked',
    })
  })

  it('an existing account accepting joins with the same account; a member cannot be invited twice', async () => {
    const existing = await h.signUp('adjoint@anzeme.example')
    await invite(referent, 'adjoint@anzeme.example', 'elected')
    const data = await linkFor('adjoint@anzeme.example')
    const accepted = await h.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token: tokenOf(data.url) },
    })
    expect((accepted.json() as TokenPair).userId).toBe(existing.userId)
    const twice = await invite(referent, 'adjoint@anzeme.example', 'elected')
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('OSI_IDENTITY_ALREADY_MEMBER')
  })

  it('only referents and admins invite: an agent gets 403, an outsider 404', async () => {
    await invite(referent, 'agent2@anzeme.example')
    const data = await linkFor('agent2@anzeme.example')
    const agent = (
      await h.inject({ method: 'GET', url: `/v1/invitations/accept?token=${tokenOf(data.url)}` })
    ).json()
    const byAgent = await invite(agent, 'intrus@anzeme.example')
    expect(byAgent.statusCode).toBe(403)
    expect(byAgent.json().code).toBe('OSI_FORBIDDEN')
    const outsider = await h.signUp('dehors@ailleurs.example')
    const byOutsider = await invite(outsider, 'intrus@anzeme.example')
    expect(byOutsider.statusCode).toBe(404)
    const admin = await h.signUp('admin@instance.example', { roles: ['admin'] })
    expect((await invite(admin, 'parladmin@anzeme.example')).statusCode).toBe(201)
    const anonymous = await h.inject({
      method: 'POST',
      url: '/v1/invitations',
      payload: { organisationId: communeId, email: 'x@y.example', role: 'agent' },
    })
    expect(anonymous.statusCode).toBe(401)
  })
})
