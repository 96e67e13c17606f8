import { IdentityEvents } from '@osinum/contracts'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

const PROBLEM = /application\/problem\+json/

describe('who speaks for a collectivité: claims and their verification', () => {
  let h: TestService
  let admin: TokenPair
  let coordinator: TokenPair
  let operatorAdmin: TokenPair
  let otherOperatorAdmin: TokenPair
  let operatorId: string

  beforeAll(async () => {
    h = await startTestService()
    admin = await h.signUp('admin@instance.example', { roles: ['admin'] })
    const coordination = await h.signUp('coordination@syndicat-creuse.example')
    const op = await h.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(admin),
      payload: { name: 'Syndicat de la Creuse', departements: ['23'], coordinatorId: coordination.userId },
    })
    operatorId = op.json().id
    const other = await h.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(admin),
      payload: { name: 'Syndicat de la Corrèze', departements: ['19'] },
    })
    coordinator = await h.refresh(coordination)
    operatorAdmin = await h.signUp('admin@syndicat-creuse.example', { roles: ['admin'], operatorId })
    otherOperatorAdmin = await h.signUp('admin@syndicat-correze.example', {
      roles: ['admin'],
      operatorId: other.json().id,
    })
  })
  afterAll(async () => {
    await h?.close()
  })

  const as = (pair: TokenPair, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    h.inject({ method, url, headers: bearer(pair), ...(payload ? { payload } : {}) })
  const claim = (pair: TokenPair, officialCode: string, role = 'elected') =>
    as(pair, 'POST', '/v1/organisations', { kind: 'commune', officialCode, role })

  it('claim squatting fails: an account claiming a real INSEE code is no referent, and the real mayor is not turned away with 409', async () => {
    // The attack: any account claims Alleyrat (23003).
    let squatter = await h.signUp('squatteur@exemple.example')
    const squat = await claim(squatter, '23003')
    expect(squat.statusCode).toBe(201)
    const alleyrat = squat.json()
    expect(alleyrat).toMatchObject({ name: 'Alleyrat', verification: 'pending', operatorId })
    squatter = await h.refresh(squatter)
    const squatterToken = decodeJwt(squatter.accessToken)
    expect(squatterToken.orgs).toEqual([{ id: alleyrat.id, role: 'elected', ref: false }])
    // Nothing a referent could do: no invitation, no referent role for oneself.
    const invite = await as(squatter, 'POST', '/v1/invitations', {
      organisationId: alleyrat.id,
      email: 'complice@exemple.example',
      role: 'agent',
    })
    expect(invite.statusCode).toBe(403)
    expect(invite.headers['content-type']).toMatch(PROBLEM)
    expect(invite.json().code).toBe('OSI_IDENTITY_NOT_VERIFIED')
    expect(
      (
        await as(squatter, 'PATCH', `/v1/organisations/${alleyrat.id}/members/${squatter.userId}`, {
          referent: true,
        })
      ).statusCode,
    ).toBe(403)

    // The real mayor is not dead-ended: a pending claim, told there is a competing one.
    const mayor = await h.signUp('maire@alleyrat.example')
    const asked = await claim(mayor, '23003')
    expect(asked.statusCode).toBe(202)
    expect(asked.json()).toMatchObject({
      organisationId: alleyrat.id,
      userId: mayor.userId,
      status: 'pending',
      organisationVerification: 'pending',
      competing: 1,
    })
    // The second claimant sees nothing of the collectivité until decided.
    expect((await as(mayor, 'GET', `/v1/organisations/${alleyrat.id}`)).statusCode).toBe(404)
    const submitted = await h.waitForEvent(
      IdentityEvents.ClaimSubmitted,
      (d) => d.userId === mayor.userId && d.organisationId === alleyrat.id,
    )
    expect(submitted.data).toMatchObject({ competing: 1, operatorId })
    expect(submitted.data.reviewerIds.sort()).toEqual([coordinator.userId, operatorAdmin.userId].sort())

    // The syndicate sees the competing claims side by side; another syndicate's admin does not.
    const queue = (
      await as(coordinator, 'GET', `/v1/organisation-claims?organisationId=${alleyrat.id}`)
    ).json()
    expect(
      queue.items.map((c: { userId: string; competing: number }) => [c.userId, c.competing]).sort(),
    ).toEqual(
      [
        [mayor.userId, 1],
        [squatter.userId, 1],
      ].sort(),
    )
    expect(
      (await as(otherOperatorAdmin, 'GET', `/v1/organisation-claims?organisationId=${alleyrat.id}`)).json()
        .total,
    ).toBe(0)
    const mayorClaim = asked.json().id as string
    const squatClaim = queue.items.find((c: { userId: string }) => c.userId === squatter.userId).id as string
    expect(
      (
        await as(otherOperatorAdmin, 'POST', `/v1/organisation-claims/${mayorClaim}/decision`, {
          decision: 'verify',
        })
      ).statusCode,
    ).toBe(404)

    // The syndicate's administrator verifies the mayor: referent; the squatter is out, their claim still pending.
    const verified = await as(operatorAdmin, 'POST', `/v1/organisation-claims/${mayorClaim}/decision`, {
      decision: 'verify',
    })
    expect(verified.statusCode).toBe(200)
    expect(verified.json()).toMatchObject({
      status: 'verified',
      method: 'operator',
      organisationVerification: 'verified',
    })
    await h.waitForEvent(
      IdentityEvents.MembershipRevoked,
      (d) => d.organisationId === alleyrat.id && d.userId === squatter.userId,
    )
    await h.waitForEvent(
      IdentityEvents.OrganisationUpdated,
      (d) => d.organisationId === alleyrat.id && d.verification === 'verified',
    )
    const members = (await as(mayor, 'GET', `/v1/organisations/${alleyrat.id}/members`)).json()
    expect(members.items.map((m: { userId: string; referent: boolean; verification: string }) => m)).toEqual([
      expect.objectContaining({ userId: mayor.userId, referent: true, verification: 'verified' }),
    ])
    // Losing the membership revokes the squatter's tokens (401 once the revocation has reached the
    // kit, a few ms later; identity's fresh check answers 404 before that); refreshed, still 404.
    expect([401, 404]).toContain((await as(squatter, 'GET', `/v1/organisations/${alleyrat.id}`)).statusCode)
    squatter = await h.refresh(squatter)
    expect((await as(squatter, 'GET', `/v1/organisations/${alleyrat.id}`)).statusCode).toBe(404)
    expect((await as(squatter, 'GET', `/v1/organisation-claims/${squatClaim}`)).json()).toMatchObject({
      status: 'pending',
      organisationVerification: 'verified',
    })

    // The mayor, now referent, rejects the squatter's claim; it cannot be decided twice.
    const rejected = await as(mayor, 'POST', `/v1/organisation-claims/${squatClaim}/decision`, {
      decision: 'reject',
      reason: 'Personne inconnue en mairie',
    })
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      method: 'referent',
      reason: 'Personne inconnue en mairie',
    })
    const twice = await as(coordinator, 'POST', `/v1/organisation-claims/${squatClaim}/decision`, {
      decision: 'verify',
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().code).toBe('OSI_IDENTITY_CLAIM_DECIDED')
    const decided = await h.waitForEvent(IdentityEvents.ClaimDecided, (d) => d.claimId === squatClaim)
    expect(decided.data).toMatchObject({
      status: 'rejected',
      userId: squatter.userId,
      decidedBy: mayor.userId,
    })
  })

  it('a referent hands over the role to a verified member; the syndicate removes a squatter verified by mistake', async () => {
    const mayor = await h.signUp('maire@anzeme.example')
    const anzeme = (await claim(mayor, '23004')).json()
    const mine = (await as(mayor, 'GET', '/v1/organisation-claims?mine=true')).json()
    await as(coordinator, 'POST', `/v1/organisation-claims/${mine.items[0].id}/decision`, {
      decision: 'verify',
    })
    await as(mayor, 'POST', '/v1/invitations', {
      organisationId: anzeme.id,
      email: 'secretariat@anzeme.example',
      role: 'agent',
    })
    const invitation = await h.waitForEvent(
      IdentityEvents.InvitationRequested,
      (d) => d.email === 'secretariat@anzeme.example',
    )
    let secretary = (
      await h.inject({ method: 'GET', url: `/v1/invitations/accept?token=${tokenOf(invitation.data.url)}` })
    ).json() as TokenPair
    // Hand-over: make the secretary referent, then step down.
    expect(
      (
        await as(mayor, 'PATCH', `/v1/organisations/${anzeme.id}/members/${secretary.userId}`, {
          referent: true,
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await as(mayor, 'PATCH', `/v1/organisations/${anzeme.id}/members/${mayor.userId}`, {
          referent: false,
        })
      ).json(),
    ).toMatchObject({ referent: false })
    // The syndicate removes a member (here: the former mayor) even without being a member.
    expect(
      (await as(coordinator, 'DELETE', `/v1/organisations/${anzeme.id}/members/${mayor.userId}`)).statusCode,
    ).toBe(204)
    // Becoming referent changed the secretary's membership: her client refreshes its token.
    secretary = await h.refresh(secretary)
    const members = (await as(secretary, 'GET', `/v1/organisations/${anzeme.id}/members`)).json()
    expect(members.items.map((m: { userId: string; referent: boolean }) => [m.userId, m.referent])).toEqual([
      [secretary.userId, true],
    ])
  })

  it('an invitation from a verified member verifies the invitee’s pending claim; a pending member cannot be made referent', async () => {
    const mayor = await h.signUp('maire@ahun.example')
    const ahun = (await claim(mayor, '23001')).json()
    const early = await as(operatorAdmin, 'PATCH', `/v1/organisations/${ahun.id}/members/${mayor.userId}`, {
      referent: true,
    })
    expect(early.statusCode).toBe(409)
    expect(early.json().code).toBe('OSI_IDENTITY_CLAIM_PENDING')
    await h.verifyClaim(ahun.id, mayor.userId)
    const agent = await h.signUp('agent@ahun.example')
    expect((await claim(agent, '23001', 'agent')).statusCode).toBe(202)
    await as(mayor, 'POST', '/v1/invitations', {
      organisationId: ahun.id,
      email: 'agent@ahun.example',
      role: 'agent',
    })
    const invitation = await h.waitForEvent(
      IdentityEvents.InvitationRequested,
      (d) => d.email === 'agent@ahun.example',
    )
    await h.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token: tokenOf(invitation.data.url) },
    })
    const own = (await as(agent, 'GET', '/v1/organisation-claims?mine=true')).json()
    expect(own.items).toEqual([expect.objectContaining({ status: 'verified', method: 'invitation' })])
  })

  it('a claimant withdraws a pending claim and leaves the unverified collectivité', async () => {
    let someone = await h.signUp('quelquun@exemple.example')
    const created = (await claim(someone, '23002')).json()
    const mine = (await as(someone, 'GET', '/v1/organisation-claims?mine=true')).json()
    expect((await as(someone, 'DELETE', `/v1/organisation-claims/${mine.items[0].id}`)).statusCode).toBe(204)
    await h.waitForEvent(
      IdentityEvents.MembershipRevoked,
      (d) => d.organisationId === created.id && d.userId === someone.userId,
    )
    // Leaving the collectivité revoked the person's tokens (a few ms later, by event): their client
    // refreshes, as after any change of membership.
    someone = await h.refresh(someone)
    expect((await as(someone, 'GET', `/v1/organisations/${created.id}`)).statusCode).toBe(404)
    expect((await as(someone, 'DELETE', `/v1/organisation-claims/${mine.items[0].id}`)).statusCode).toBe(409)
    // The next claimant of this collectivité nobody holds uses it for itself meanwhile.
    const next = await h.signUp('autre@exemple.example')
    expect((await claim(next, '23002')).statusCode).toBe(202)
    expect((await as(next, 'GET', `/v1/organisations/${created.id}`)).statusCode).toBe(200)
  })
})
