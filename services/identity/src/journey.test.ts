import { IdentityEvents } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

/** The "done means", through the documented API only (events stand in for the emails). */
describe('journey: a secretary claims her commune, the syndicate confirms it, she invites the mayor; an advisor is assigned', () => {
  let h: TestService
  beforeAll(async () => {
    h = await startTestService()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('register, sign in by password and magic link, claim the commune, syndicate verifies, invite, assign', async () => {
    const admin = await h.signUp('admin@instance.example', { roles: ['admin'] })
    const advisor = await h.signUp('conseillere@syndicat.example')
    const operator = await h.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(admin),
      payload: {
        name: 'Syndicat numérique de la Creuse',
        departements: ['23'],
        coordinatorId: advisor.userId,
      },
    })
    expect(operator.statusCode).toBe(201)

    const email = 'secretariat@mairie-anzeme.example'
    expect(
      (await h.inject({ method: 'POST', url: '/v1/auth/register', payload: { email, displayName: 'Sacha' } }))
        .statusCode,
    ).toBe(202)
    const verify = await h.waitForEvent(IdentityEvents.EmailVerificationRequested, (d) => d.email === email)
    let me =
      // The link opens a web page, whose button POSTs the token.
      (
        await h.inject({
          method: 'POST',
          url: '/v1/auth/email/verify',
          payload: { token: tokenOf(verify.data.url) },
        })
      ).json() as TokenPair
    await h.inject({
      method: 'PUT',
      url: '/v1/users/me/password',
      headers: bearer(me),
      payload: { newPassword: 'ma-commune-en-ligne' },
    })

    const byPassword = await h.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: 'ma-commune-en-ligne' },
    })
    expect(byPassword.statusCode).toBe(200)
    await h.inject({ method: 'POST', url: '/v1/auth/magic-link', payload: { email } })
    const link = await h.waitForEvent(IdentityEvents.MagicLinkRequested, (d) => d.email === email)
    const byLink = await h.inject({
      method: 'GET',
      url: `/v1/auth/magic-link/verify?token=${tokenOf(link.data.url)}`,
    })
    expect(byLink.statusCode).toBe(200)
    me = byLink.json()

    const created = await h.inject({
      method: 'POST',
      url: '/v1/organisations',
      headers: bearer(me),
      payload: { kind: 'commune', officialCode: '23004', role: 'agent' },
    })
    expect(created.statusCode).toBe(201)
    const commune = created.json()
    expect(commune).toMatchObject({
      name: 'Anzême',
      departement: '23',
      departementName: 'Creuse',
      populationBracket: '500-999',
      verification: 'pending',
      operatorId: operator.json().id,
    })
    // Pending: no invitation yet. The syndicate's coordinator is told and confirms.
    const early = await h.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(me),
      payload: { organisationId: commune.id, email: 'maire@mairie-anzeme.example', role: 'elected' },
    })
    expect(early.statusCode).toBe(403)
    expect(early.json().code).toBe('OSI_IDENTITY_NOT_VERIFIED')
    const submitted = await h.waitForEvent(
      IdentityEvents.ClaimSubmitted,
      (d) => d.organisationId === commune.id,
    )
    expect(submitted.data.reviewerIds).toEqual([advisor.userId])
    const coordinator = await h.refresh(advisor)
    const queue = (
      await h.inject({
        method: 'GET',
        url: '/v1/organisation-claims?status=pending',
        headers: bearer(coordinator),
      })
    ).json()
    expect(queue.items).toEqual([
      expect.objectContaining({ organisationId: commune.id, email, role: 'agent', status: 'pending' }),
    ])
    const decided = await h.inject({
      method: 'POST',
      url: `/v1/organisation-claims/${queue.items[0].id}/decision`,
      headers: bearer(coordinator),
      payload: { decision: 'verify' },
    })
    expect(decided.json()).toMatchObject({
      status: 'verified',
      method: 'operator',
      organisationVerification: 'verified',
    })

    const invited = await h.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(me),
      payload: { organisationId: commune.id, email: 'maire@mairie-anzeme.example', role: 'elected' },
    })
    expect(invited.statusCode).toBe(201)
    const invitation = await h.waitForEvent(
      IdentityEvents.InvitationRequested,
      (d) => d.organisationId === commune.id,
    )
    const mayor = (
      await h.inject({
        method: 'POST',
        url: '/v1/invitations/accept',
        payload: { token: tokenOf(invitation.data.url) },
      })
    ).json()
    const members = (
      await h.inject({
        method: 'GET',
        url: `/v1/organisations/${commune.id}/members`,
        headers: bearer(mayor),
      })
    ).json()
    expect(members.items.map((m: { email: string; referent: boolean }) => [m.email, m.referent])).toEqual([
      [email, true],
      ['maire@mairie-anzeme.example', false],
    ])

    const assigned = await h.inject({
      method: 'POST',
      url: '/v1/advisor-assignments',
      headers: bearer(admin),
      payload: { organisationId: commune.id, advisorId: advisor.userId },
    })
    expect(assigned.statusCode).toBe(201)
    expect(assigned.json()).toMatchObject({
      organisationName: 'Anzême',
      operatorId: operator.json().id,
      consent: false,
    })
    const seen = (
      await h.inject({
        method: 'GET',
        url: '/v1/organisations',
        headers: bearer(await h.refresh(coordinator)),
      })
    ).json()
    expect(seen.items.map((o: { id: string; operatorId: string }) => [o.id, o.operatorId])).toEqual([
      [commune.id, operator.json().id],
    ])
  })
})
