import { IdentityEvents } from '@osinum/contracts'
import { callsAs } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService, tokenOf } from './testing.js'

type Who =
  | 'anonymous'
  | 'outsider'
  | 'refA'
  | 'agentA'
  | 'refB'
  | 'advisorV'
  | 'advisorW'
  | 'coordinator'
  | 'editor'
  | 'admin'

const PROBLEM = /application\/problem\+json/
const CODES: Record<number, string> = { 401: 'OSI_UNAUTHORIZED', 403: 'OSI_FORBIDDEN', 404: 'OSI_NOT_FOUND' }
const ANY_ID = '0193a000-0000-7000-8000-00000000dead'

describe('authorisation matrix over every identity route', () => {
  let h: TestService
  const people = {} as Record<Exclude<Who, 'anonymous'>, TokenPair>
  let A: string
  let B: string
  let operatorId: string
  let otherOperatorId: string
  let assignmentVA: string
  let invitationA: string

  beforeAll(async () => {
    h = await startTestService()
    people.admin = await h.signUp('admin@instance.example', { roles: ['admin'] })
    people.editor = await h.signUp('editrice@instance.example', { roles: ['editor'] })
    people.outsider = await h.signUp('personne@ailleurs.example')
    people.refA = await h.signUp('maire@alleyrat.example')
    people.refB = await h.signUp('maire@anzeme.example')
    A = (await h.createCommune(people.refA, '23003')).id
    B = (await h.createCommune(people.refB, '23004')).id
    const coordinator = await h.signUp('coordination@syndicat.example')
    const op = await h.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(people.admin),
      payload: { name: 'Syndicat de la Creuse', departements: ['23'], coordinatorId: coordinator.userId },
    })
    operatorId = op.json().id
    people.coordinator = await h.refresh(coordinator)
    otherOperatorId = (
      await h.inject({
        method: 'POST',
        url: '/v1/operators',
        headers: bearer(people.admin),
        payload: { name: 'Autre syndicat', departements: ['19'] },
      })
    ).json().id
    people.advisorV = await h.signUp('conseiller.v@syndicat.example', { roles: ['advisor'], operatorId })
    people.advisorW = await h.signUp('conseiller.w@syndicat.example', { roles: ['advisor'], operatorId })
    assignmentVA = (
      await h.inject({
        method: 'POST',
        url: '/v1/advisor-assignments',
        headers: bearer(people.admin),
        payload: { organisationId: A, advisorId: people.advisorV.userId },
      })
    ).json().id
    await h.inject({
      method: 'POST',
      url: '/v1/invitations',
      headers: bearer(people.refA),
      payload: { organisationId: A, email: 'agent@alleyrat.example', role: 'agent' },
    })
    const invited = await h.waitForEvent(
      IdentityEvents.InvitationRequested,
      (d) => d.email === 'agent@alleyrat.example',
    )
    invitationA = invited.data.invitationId
    people.agentA = (
      await h.inject({ method: 'GET', url: `/v1/invitations/accept?token=${tokenOf(invited.data.url)}` })
    ).json()
  })
  afterAll(async () => {
    await h?.close()
  })

  const { call, expectStatus } = callsAs<Who>(
    () => h,
    (who) => (who === 'anonymous' ? undefined : bearer(people[who])),
    (res, status, label) => {
      if (status < 400) return
      expect(res.headers['content-type'], label).toMatch(PROBLEM)
      if (CODES[status]) expect(res.json().code, label).toBe(CODES[status])
    },
  )

  /** Every route the OpenAPI document marks as protected, with a request that exercises it. */
  const protectedRoutes = (): Array<[string, string, unknown?]> => [
    ['GET', '/v1/users/me'],
    ['PATCH', '/v1/users/me', {}],
    ['PUT', '/v1/users/me/password', { newPassword: 'un mot de passe assez long' }],
    ['GET', '/v1/users/me/sessions'],
    ['DELETE', `/v1/users/me/sessions/${ANY_ID}`],
    ['DELETE', '/v1/users/me/sessions'],
    ['GET', '/v1/users/me/export'],
    ['DELETE', '/v1/users/me'],
    ['GET', '/v1/users'],
    ['GET', `/v1/users/${ANY_ID}`],
    ['PUT', `/v1/users/${ANY_ID}/roles`, { roles: ['admin'] }],
    ['DELETE', `/v1/users/${ANY_ID}`],
    ['POST', '/v1/organisations', { kind: 'commune', officialCode: '23005', role: 'elected' }],
    ['GET', '/v1/organisations'],
    ['GET', `/v1/organisations/${ANY_ID}`],
    ['PATCH', `/v1/organisations/${ANY_ID}`, {}],
    ['PUT', `/v1/organisations/${ANY_ID}/consent`],
    ['DELETE', `/v1/organisations/${ANY_ID}/consent`],
    ['GET', `/v1/organisations/${ANY_ID}/members`],
    ['PATCH', `/v1/organisations/${ANY_ID}/members/${ANY_ID}`, {}],
    ['DELETE', `/v1/organisations/${ANY_ID}/members/${ANY_ID}`],
    ['POST', '/v1/operators', { name: 'X', departements: [] }],
    ['PATCH', `/v1/operators/${ANY_ID}`, {}],
    ['POST', '/v1/invitations', { organisationId: ANY_ID, email: 'x@y.example', role: 'agent' }],
    ['GET', `/v1/invitations?organisationId=${ANY_ID}`],
    ['DELETE', `/v1/invitations/${ANY_ID}`],
    ['POST', '/v1/advisor-assignments', { organisationId: ANY_ID, advisorId: ANY_ID }],
    ['GET', '/v1/advisor-assignments'],
    ['DELETE', `/v1/advisor-assignments/${ANY_ID}`],
    ['GET', '/v1/audit-log'],
    ['POST', '/v1/auth/logout'],
    ['GET', '/v1/organisation-claims'],
    ['GET', `/v1/organisation-claims/${ANY_ID}`],
    ['POST', `/v1/organisation-claims/${ANY_ID}/decision`, { decision: 'verify' }],
    ['DELETE', `/v1/organisation-claims/${ANY_ID}`],
  ]

  it('covers every protected route of the OpenAPI document, and anonymous callers get 401 on each', async () => {
    const doc = (await h.inject({ method: 'GET', url: '/openapi.json' })).json()
    const secured = Object.entries<Record<string, { security?: unknown }>>(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    const template = (url: string) =>
      url
        .split('?')[0]!
        .replace(/\/users\/[0-9a-f-]{36}/, '/users/{id}')
        .replace(/\/members\/[0-9a-f-]{36}/, '/members/{userId}')
        .replace(/\/[0-9a-f-]{36}/, '/{id}')
    const covered = protectedRoutes().map(([m, url]) => `${m} ${template(url)}`)
    expect(new Set(covered)).toEqual(new Set(secured))
    for (const [method, url, payload] of protectedRoutes())
      await expectStatus('anonymous', method, url, 401, payload)
  })

  it('public routes answer without a token', async () => {
    for (const url of [
      '/v1/operators',
      `/v1/operators/${operatorId}`,
      '/v1/organisations/search?q=creuse',
      '/.well-known/jwks.json',
    ])
      await expectStatus('anonymous', 'GET', url, 200)
  })

  it('a member of A can neither read nor change B; outsiders and unassigned advisors see neither', async () => {
    const reads = [`/v1/organisations/${B}`, `/v1/organisations/${B}/members`]
    for (const url of reads) {
      await expectStatus('refA', 'GET', url, 404)
      await expectStatus('agentA', 'GET', url, 404)
      await expectStatus('outsider', 'GET', url, 404)
      await expectStatus('advisorV', 'GET', url, 404)
      await expectStatus('editor', 'GET', url, 404)
      await expectStatus('refB', 'GET', url, 200)
      await expectStatus('coordinator', 'GET', url, 200)
      await expectStatus('admin', 'GET', url, 200)
    }
    for (const who of ['refA', 'agentA', 'outsider', 'advisorW', 'editor'] as const) {
      await expectStatus(who, 'GET', `/v1/organisations/${A}`, who === 'refA' || who === 'agentA' ? 200 : 404)
      await expectStatus(who, 'PUT', `/v1/organisations/${B}/consent`, 404)
      await expectStatus(who, 'DELETE', `/v1/organisations/${B}/members/${people.refB.userId}`, 404)
      await expectStatus(who, 'PATCH', `/v1/organisations/${B}/members/${people.refB.userId}`, 404, {
        role: 'agent',
      })
      await expectStatus(who, 'POST', '/v1/invitations', 404, {
        organisationId: B,
        email: 'x@anzeme.example',
        role: 'agent',
      })
      await expectStatus(who, 'GET', `/v1/invitations?organisationId=${B}`, 404)
    }
    const listB = (await call('refB', 'GET', '/v1/organisations')).json()
    expect(listB.items.map((o: { id: string }) => o.id)).toEqual([B])
    const listOutsider = (await call('outsider', 'GET', '/v1/organisations')).json()
    expect(listOutsider.total).toBe(0)
    // Sessions are one's own.
    await expectStatus('refB', 'DELETE', `/v1/users/me/sessions/${people.refA.sessionId}`, 404)
  })

  it('an agent (not referent) can read their collectivité but not invite, change members, consent or grant roles', async () => {
    await expectStatus('agentA', 'GET', `/v1/organisations/${A}/members`, 200)
    await expectStatus('agentA', 'POST', '/v1/invitations', 403, {
      organisationId: A,
      email: 'x@alleyrat.example',
      role: 'agent',
    })
    await expectStatus('agentA', 'GET', `/v1/invitations?organisationId=${A}`, 403)
    await expectStatus('agentA', 'DELETE', `/v1/invitations/${invitationA}`, 403)
    await expectStatus('agentA', 'PATCH', `/v1/organisations/${A}/members/${people.agentA.userId}`, 403, {
      referent: true,
    })
    await expectStatus('agentA', 'DELETE', `/v1/organisations/${A}/members/${people.refA.userId}`, 403)
    await expectStatus('agentA', 'PUT', `/v1/organisations/${A}/consent`, 403)
    await expectStatus('agentA', 'PUT', `/v1/users/${people.agentA.userId}/roles`, 403, { roles: ['admin'] })
    await expectStatus('agentA', 'PATCH', `/v1/organisations/${A}`, 403, { operatorId: null })
    await expectStatus('agentA', 'POST', '/v1/advisor-assignments', 403, {
      organisationId: A,
      advisorId: people.advisorW.userId,
    })
  })

  it('platform roles, users, operators and the audit log are for admins only', async () => {
    for (const who of ['outsider', 'refA', 'agentA', 'advisorV', 'coordinator', 'editor'] as const) {
      await expectStatus(who, 'PUT', `/v1/users/${people.outsider.userId}/roles`, 403, { roles: ['editor'] })
      await expectStatus(who, 'GET', '/v1/users', 403)
      await expectStatus(who, 'GET', `/v1/users/${people.outsider.userId}`, 403)
      await expectStatus(who, 'DELETE', `/v1/users/${people.outsider.userId}`, 403)
      await expectStatus(who, 'POST', '/v1/operators', 403, { name: 'X', departements: ['01'] })
      await expectStatus(who, 'PATCH', `/v1/operators/${operatorId}`, 403, { name: 'X' })
      await expectStatus(who, 'PATCH', `/v1/organisations/${A}`, 403, { operatorId: null })
      await expectStatus(who, 'GET', '/v1/audit-log', 403)
    }
    await expectStatus('admin', 'GET', '/v1/users?role=advisor', 200)
    const audit = await expectStatus('admin', 'GET', '/v1/audit-log?action=login.*&limit=5', 200)
    expect(audit.json().items.every((e: { action: string }) => e.action.startsWith('login.'))).toBe(true)
    expect(audit.json().total).toBeGreaterThan(5)
    const roles = await expectStatus('admin', 'PUT', `/v1/users/${people.outsider.userId}/roles`, 200, {
      roles: ['editor'],
    })
    expect(roles.json().platformRoles).toEqual(['editor'])
    await h.waitForEvent(
      IdentityEvents.UserUpdated,
      (d) => d.userId === people.outsider.userId && d.platformRoles.includes('editor'),
    )
    // The token carrying the old roles is refused from now on; a refreshed one carries the new.
    await h.waitForEvent(
      IdentityEvents.TokensRevoked,
      (d) => d.userId === people.outsider.userId && d.reason === 'roles-changed',
    )
    people.outsider = await h.refresh(people.outsider)
    const noOperator = await expectStatus('admin', 'PUT', `/v1/users/${people.outsider.userId}/roles`, 422, {
      roles: ['advisor'],
    })
    expect(noOperator.json().errors[0].field).toBe('operatorId')
    const changes = await expectStatus(
      'admin',
      'GET',
      `/v1/audit-log?action=roles.changed&targetId=${people.outsider.userId}`,
      200,
    )
    expect(changes.json().total).toBe(1)
  })

  it('an advisor sees only the collectivités assigned to them, and whether each consents', async () => {
    const mine = (await expectStatus('advisorV', 'GET', '/v1/organisations', 200)).json()
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([A])
    expect((await expectStatus('advisorW', 'GET', '/v1/organisations', 200)).json().total).toBe(0)
    await expectStatus('advisorV', 'GET', `/v1/organisations/${A}/members`, 200)
    await expectStatus('advisorW', 'GET', `/v1/organisations/${A}`, 404)

    const before = (await expectStatus('advisorV', 'GET', '/v1/advisor-assignments', 200)).json()
    expect(before.items).toEqual([expect.objectContaining({ organisationId: A, consent: false })])
    // The collectivité's referent decides; the advisor cannot consent for it.
    await expectStatus('advisorV', 'PUT', `/v1/organisations/${A}/consent`, 403)
    await expectStatus('admin', 'PUT', `/v1/organisations/${A}/consent`, 403)
    expect(
      (await expectStatus('refA', 'PUT', `/v1/organisations/${A}/consent`, 200)).json().advisorConsent,
    ).toBe(true)
    await h.waitForEvent(
      IdentityEvents.ConsentGranted,
      (d) => d.organisationId === A && d.byUserId === people.refA.userId,
    )
    const after = (await expectStatus('advisorV', 'GET', '/v1/advisor-assignments', 200)).json()
    expect(after.items[0].consent).toBe(true)
    await expectStatus('advisorV', 'DELETE', `/v1/organisations/${A}/consent`, 403)
    expect(
      (await expectStatus('refA', 'DELETE', `/v1/organisations/${A}/consent`, 200)).json().advisorConsent,
    ).toBe(false)
    await h.waitForEvent(IdentityEvents.ConsentRevoked, (d) => d.organisationId === A)
    expect(
      (await expectStatus('advisorV', 'GET', '/v1/advisor-assignments', 200)).json().items[0].consent,
    ).toBe(false)

    // Assignments are seen by the advisor, the collectivité, the coordinator and admins only.
    expect((await expectStatus('refB', 'GET', '/v1/advisor-assignments', 200)).json().total).toBe(0)
    expect((await expectStatus('agentA', 'GET', '/v1/advisor-assignments', 200)).json().total).toBe(1)
    expect((await expectStatus('coordinator', 'GET', '/v1/advisor-assignments', 200)).json().total).toBe(1)
    expect((await expectStatus('advisorW', 'GET', '/v1/advisor-assignments', 200)).json().total).toBe(0)
  })

  it('assignments are made by admins or the operator’s coordinator, for its own advisors and collectivités', async () => {
    for (const who of ['refA', 'agentA', 'advisorV', 'editor', 'outsider'] as const)
      await expectStatus(who, 'POST', '/v1/advisor-assignments', 403, {
        organisationId: B,
        advisorId: people.advisorW.userId,
      })
    const outsiderAdvisor = await h.signUp('conseiller@autre.example', {
      roles: ['advisor'],
      operatorId: otherOperatorId,
    })
    await expectStatus('coordinator', 'POST', '/v1/advisor-assignments', 403, {
      organisationId: B,
      advisorId: outsiderAdvisor.userId,
    })
    await expectStatus('coordinator', 'POST', '/v1/advisor-assignments', 422, {
      organisationId: B,
      advisorId: people.refA.userId,
    })
    const made = await expectStatus('coordinator', 'POST', '/v1/advisor-assignments', 201, {
      organisationId: B,
      advisorId: people.advisorW.userId,
    })
    await h.waitForEvent(
      IdentityEvents.AdvisorAssigned,
      (d) => d.organisationId === B && d.advisorId === people.advisorW.userId,
    )
    await expectStatus('admin', 'POST', '/v1/advisor-assignments', 409, {
      organisationId: B,
      advisorId: people.advisorW.userId,
    })
    expect(
      (await expectStatus('advisorW', 'GET', '/v1/organisations', 200))
        .json()
        .items.map((o: { id: string }) => o.id),
    ).toEqual([B])

    await expectStatus('advisorV', 'DELETE', `/v1/advisor-assignments/${assignmentVA}`, 403)
    await expectStatus('refA', 'DELETE', `/v1/advisor-assignments/${assignmentVA}`, 403)
    await expectStatus('refB', 'DELETE', `/v1/advisor-assignments/${assignmentVA}`, 404)
    await expectStatus('advisorW', 'DELETE', `/v1/advisor-assignments/${assignmentVA}`, 404)
    await expectStatus('coordinator', 'DELETE', `/v1/advisor-assignments/${made.json().id}`, 204)
    await h.waitForEvent(
      IdentityEvents.AdvisorUnassigned,
      (d) => d.organisationId === B && d.advisorId === people.advisorW.userId,
    )
    await expectStatus('advisorW', 'GET', `/v1/organisations/${B}`, 404)
  })

  it('a claim on a verified collectivité is seen and decided by its syndicate and its referents only', async () => {
    const claimant = await h.signUp('pretendant@ailleurs.example')
    const made = await h.inject({
      method: 'POST',
      url: '/v1/organisations',
      headers: bearer(claimant),
      payload: { kind: 'commune', officialCode: '23003', role: 'agent' },
    })
    expect(made.statusCode).toBe(202)
    const id = made.json().id as string
    for (const who of ['refB', 'agentA', 'outsider', 'editor', 'advisorV'] as const) {
      await expectStatus(who, 'GET', `/v1/organisation-claims/${id}`, 404)
      await expectStatus(who, 'POST', `/v1/organisation-claims/${id}/decision`, 404, { decision: 'verify' })
      await expectStatus(who, 'DELETE', `/v1/organisation-claims/${id}`, 404)
      const list = (await expectStatus(who, 'GET', '/v1/organisation-claims', 200)).json()
      expect(list.items.map((c: { id: string }) => c.id)).not.toContain(id)
    }
    for (const who of ['refA', 'coordinator', 'admin'] as const) {
      await expectStatus(who, 'GET', `/v1/organisation-claims/${id}`, 200)
      const list = (await expectStatus(who, 'GET', '/v1/organisation-claims?status=pending', 200)).json()
      expect(list.items.map((c: { id: string }) => c.id)).toContain(id)
      await expectStatus(who, 'DELETE', `/v1/organisation-claims/${id}`, 403)
    }
    // The claimant sees it and may withdraw it, not decide it; nor does a claim give access to A.
    const own = await h.inject({
      method: 'GET',
      url: `/v1/organisation-claims/${id}`,
      headers: bearer(claimant),
    })
    expect(own.json()).toMatchObject({
      status: 'pending',
      organisationVerification: 'verified',
      role: 'agent',
    })
    const self = await h.inject({
      method: 'POST',
      url: `/v1/organisation-claims/${id}/decision`,
      headers: bearer(claimant),
      payload: { decision: 'verify' },
    })
    expect(self.statusCode).toBe(403)
    const readA = await h.inject({ method: 'GET', url: `/v1/organisations/${A}`, headers: bearer(claimant) })
    expect(readA.statusCode).toBe(404)
    await expectStatus('refA', 'POST', `/v1/organisation-claims/${id}/decision`, 200, { decision: 'reject' })
    await expectStatus('coordinator', 'POST', `/v1/organisation-claims/${id}/decision`, 409, {
      decision: 'verify',
    })
  })

  it('referents manage their members; the last referent cannot leave its collectivité without one', async () => {
    await expectStatus('refA', 'DELETE', `/v1/organisations/${A}/members/${people.refA.userId}`, 409)
    const promoted = await expectStatus(
      'refA',
      'PATCH',
      `/v1/organisations/${A}/members/${people.agentA.userId}`,
      200,
      {
        referent: true,
      },
    )
    expect(promoted.json()).toEqual({ userId: people.agentA.userId, role: 'agent', referent: true })
    await expectStatus('refA', 'DELETE', `/v1/organisations/${A}/members/${people.refA.userId}`, 204)
    await h.waitForEvent(
      IdentityEvents.MembershipRevoked,
      (d) => d.organisationId === A && d.userId === people.refA.userId,
    )
    await expectStatus('refA', 'GET', `/v1/organisations/${A}`, 404)
  })
})
