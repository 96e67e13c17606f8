import { IdentityEvents } from '@osinum/contracts'
import { callsAs } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService } from './testing.js'

/**
 * Two operators, A (Creuse) and B (Corrèze), and every staff role scoped to each: an operator's
 * administrator or editor acts within its operator, never on the other's (404 when it cannot see
 * the thing, 403 when it sees it but may not change it); the platform admin stays global.
 */
describe('operator scopes in identity: two operators, every scoped role', () => {
  let h: TestService
  let opA: string
  let opB: string
  let orgA: string
  let orgB: string
  const p = {} as Record<
    | 'platformAdmin'
    | 'adminA'
    | 'adminB'
    | 'editorA'
    | 'editorB'
    | 'advisorA'
    | 'advisorB'
    | 'nationalEditor'
    | 'refA'
    | 'refB'
    | 'outsider',
    TokenPair
  >

  beforeAll(async () => {
    h = await startTestService()
    p.platformAdmin = await h.signUp('admin@instance.example', { roles: ['admin'] })
    const operator = async (name: string, departements: string[]) =>
      (
        await h.inject({
          method: 'POST',
          url: '/v1/operators',
          headers: bearer(p.platformAdmin),
          payload: { name, departements },
        })
      ).json().id as string
    opA = await operator('Syndicat de la Creuse', ['23'])
    opB = await operator('Syndicat de la Corrèze', ['19'])
    p.adminA = await h.signUp('admin@creuse.example', { roles: ['admin'], operatorId: opA })
    p.adminB = await h.signUp('admin@correze.example', { roles: ['admin'], operatorId: opB })
    p.editorA = await h.signUp('editrice@creuse.example', { roles: ['editor'], operatorId: opA })
    p.editorB = await h.signUp('editrice@correze.example', { roles: ['editor'], operatorId: opB })
    p.advisorA = await h.signUp('conseil@creuse.example', { roles: ['advisor'], operatorId: opA })
    p.advisorB = await h.signUp('conseil@correze.example', { roles: ['advisor'], operatorId: opB })
    p.nationalEditor = await h.signUp('editrice@instance.example', { roles: ['editor'] })
    p.refA = await h.signUp('maire@alleyrat.example')
    p.refB = await h.signUp('maire@correze-commune.example')
    p.outsider = await h.signUp('personne@ailleurs.example')
    orgA = (await h.createCommune(p.refA, '23003')).id
    orgB = (await h.createCommune(p.refB, '19272')).id
  })
  afterAll(async () => {
    await h?.close()
  })

  const { expectStatus } = callsAs<keyof typeof p>(
    () => h,
    (who) => bearer(p[who]),
  )
  const ids = (res: { json(): { items: Array<{ id: string }> } }) =>
    res
      .json()
      .items.map((i) => i.id)
      .sort()

  it('an admin scoped to an operator is not a global admin: it sees its own people and collectivités only', async () => {
    const users = ids(await expectStatus('adminB', 'GET', '/v1/users?limit=100', 200))
    expect(users).toEqual([p.adminB, p.editorB, p.advisorB, p.refB].map((x) => x.userId).sort())
    const everyone = ids(await expectStatus('platformAdmin', 'GET', '/v1/users?limit=100', 200))
    expect(everyone).toContain(p.refA.userId)
    for (const who of [p.refA, p.advisorA, p.adminA, p.platformAdmin, p.outsider])
      await expectStatus('adminB', 'GET', `/v1/users/${who.userId}`, 404)
    await expectStatus('adminB', 'GET', `/v1/users/${p.refB.userId}`, 200)
    // Named accounts in one call (a session's participants), still within the admin's scope.
    const named = `/v1/users?ids=${p.refB.userId}&ids=${p.refA.userId}&ids=${p.editorB.userId}`
    expect(ids(await expectStatus('adminB', 'GET', named, 200))).toEqual(
      [p.refB.userId, p.editorB.userId].sort(),
    )
    expect(ids(await expectStatus('platformAdmin', 'GET', `/v1/users?ids=${p.refA.userId}`, 200))).toEqual([
      p.refA.userId,
    ])

    expect(ids(await expectStatus('adminB', 'GET', '/v1/organisations', 200))).toEqual([orgB])
    expect(ids(await expectStatus('adminA', 'GET', '/v1/organisations', 200))).toEqual([orgA])
    for (const url of [`/v1/organisations/${orgA}`, `/v1/organisations/${orgA}/members`])
      await expectStatus('adminB', 'GET', url, 404)
    await expectStatus('adminB', 'GET', `/v1/organisations/${orgB}/members`, 200)
    // Editors and advisors of an operator see no collectivité by their role alone.
    for (const who of ['editorB', 'advisorB', 'nationalEditor'] as const) {
      await expectStatus(who, 'GET', `/v1/organisations/${orgB}`, 404)
      await expectStatus(who, 'GET', '/v1/users', 403)
    }
  })

  it('an operator admin makes advisors and editors of its own operator only, never admins, never on other people', async () => {
    await expectStatus('adminB', 'PUT', `/v1/users/${p.refA.userId}/roles`, 404, { roles: ['advisor'] })
    await expectStatus('adminB', 'PUT', `/v1/users/${p.advisorA.userId}/roles`, 404, { roles: [] })
    await expectStatus('adminB', 'PUT', `/v1/users/${p.platformAdmin.userId}/roles`, 404, { roles: [] })
    await expectStatus('adminB', 'PUT', `/v1/users/${p.refB.userId}/roles`, 403, { roles: ['admin'] })
    await expectStatus('adminB', 'PUT', `/v1/users/${p.refB.userId}/roles`, 403, {
      roles: ['editor'],
      operatorId: opA,
    })
    await expectStatus('adminB', 'PUT', `/v1/users/${p.refB.userId}/roles`, 403, {
      roles: ['editor'],
      operatorId: null,
    })
    const made = await expectStatus('adminB', 'PUT', `/v1/users/${p.refB.userId}/roles`, 200, {
      roles: ['editor'],
    })
    expect(made.json()).toMatchObject({ platformRoles: ['editor'], operatorId: opB })
    const back = await expectStatus('adminB', 'PUT', `/v1/users/${p.refB.userId}/roles`, 200, { roles: [] })
    expect(back.json()).toMatchObject({ platformRoles: [], operatorId: null })
    // Another admin of its own operator is the platform admin's business.
    const secondAdminB = await h.signUp('admin2@correze.example', { roles: ['admin'], operatorId: opB })
    await expectStatus('adminB', 'PUT', `/v1/users/${secondAdminB.userId}/roles`, 403, { roles: ['editor'] })
    // refB's token carried the roles of before: refused from now on; a refreshed one carries the new.
    await h.waitForEvent(
      IdentityEvents.TokensRevoked,
      (d) => d.userId === p.refB.userId && d.reason === 'roles-changed',
    )
    p.refB = await h.refresh(p.refB)
    for (const who of ['editorB', 'advisorB', 'refB'] as const)
      await expectStatus(who, 'PUT', `/v1/users/${p.outsider.userId}/roles`, 403, { roles: ['editor'] })
  })

  it('the platform admin grants an admin scoped to an operator: that admin administers it and nothing else', async () => {
    const future = await h.signUp('future-admin@correze.example')
    const granted = await expectStatus('platformAdmin', 'PUT', `/v1/users/${future.userId}/roles`, 200, {
      roles: ['admin'],
      operatorId: opB,
    })
    expect(granted.json()).toMatchObject({ platformRoles: ['admin'], operatorId: opB })
    const fresh = await h.refresh(future)
    const res = await h.inject({ method: 'GET', url: '/v1/users?limit=100', headers: bearer(fresh) })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((u: { email: string }) => u.email)).not.toContain('maire@alleyrat.example')
    const audit = await h.inject({ method: 'GET', url: '/v1/audit-log?limit=100', headers: bearer(fresh) })
    expect(audit.statusCode).toBe(200)
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['login.succeeded'])
  })

  it('an operator admin assigns its advisors to its collectivités, not across operators', async () => {
    await expectStatus('adminB', 'POST', '/v1/advisor-assignments', 403, {
      organisationId: orgA,
      advisorId: p.advisorB.userId,
    })
    await expectStatus('adminB', 'POST', '/v1/advisor-assignments', 403, {
      organisationId: orgB,
      advisorId: p.advisorA.userId,
    })
    const onA = await expectStatus('platformAdmin', 'POST', '/v1/advisor-assignments', 201, {
      organisationId: orgA,
      advisorId: p.advisorA.userId,
    })
    await expectStatus('adminB', 'DELETE', `/v1/advisor-assignments/${onA.json().id}`, 404)
    expect((await expectStatus('adminB', 'GET', '/v1/advisor-assignments', 200)).json().total).toBe(0)
    const onB = await expectStatus('adminB', 'POST', '/v1/advisor-assignments', 201, {
      organisationId: orgB,
      advisorId: p.advisorB.userId,
    })
    expect(ids(await expectStatus('adminB', 'GET', '/v1/advisor-assignments', 200))).toEqual([onB.json().id])
    expect(ids(await expectStatus('adminA', 'GET', '/v1/advisor-assignments', 200))).toEqual([onA.json().id])
    await expectStatus('adminB', 'DELETE', `/v1/advisor-assignments/${onB.json().id}`, 204)
  })

  it('an operator admin manages the members and invitations of its collectivités, not of another operator’s', async () => {
    await expectStatus('adminB', 'POST', '/v1/invitations', 404, {
      organisationId: orgA,
      email: 'x@alleyrat.example',
      role: 'agent',
    })
    await expectStatus('adminB', 'GET', `/v1/invitations?organisationId=${orgA}`, 404)
    await expectStatus('adminB', 'DELETE', `/v1/organisations/${orgA}/members/${p.refA.userId}`, 404)
    await expectStatus('adminB', 'PATCH', `/v1/organisations/${orgA}/members/${p.refA.userId}`, 404, {
      role: 'agent',
    })
    await expectStatus('adminB', 'POST', '/v1/invitations', 201, {
      organisationId: orgB,
      email: 'secretariat@correze-commune.example',
      role: 'agent',
    })
    await expectStatus('adminB', 'GET', `/v1/invitations?organisationId=${orgB}`, 200)
    // Which operator a collectivité belongs to, and consent, are not its administrators' to change.
    await expectStatus('adminB', 'PATCH', `/v1/organisations/${orgB}`, 403, { operatorId: opA })
    await expectStatus('adminB', 'PATCH', `/v1/organisations/${orgA}`, 404, { operatorId: opB })
    await expectStatus('adminB', 'PUT', `/v1/organisations/${orgB}/consent`, 403)
  })

  it('operators: the platform admin creates them and sets their coverage; an operator admin presents its own', async () => {
    await expectStatus('adminB', 'POST', '/v1/operators', 403, { name: 'X', departements: ['87'] })
    await expectStatus('adminB', 'PATCH', `/v1/operators/${opA}`, 403, { displayName: 'Pris' })
    await expectStatus('adminB', 'PATCH', `/v1/operators/${opB}`, 403, { departements: ['19', '23'] })
    await expectStatus('adminB', 'PATCH', `/v1/operators/${opB}`, 422, { coordinatorId: p.advisorA.userId })
    const presented = await expectStatus('adminB', 'PATCH', `/v1/operators/${opB}`, 200, {
      displayName: 'Corrèze numérique',
      coordinatorId: p.advisorB.userId,
    })
    expect(presented.json()).toMatchObject({
      displayName: 'Corrèze numérique',
      coordinatorId: p.advisorB.userId,
    })
    await expectStatus('editorB', 'PATCH', `/v1/operators/${opB}`, 403, { displayName: 'X' })
  })

  it('accounts are erased by the platform admin only; the audit log of an operator admin holds its own actions', async () => {
    await expectStatus('adminB', 'DELETE', `/v1/users/${p.refB.userId}`, 403)
    const mine = await expectStatus('adminB', 'GET', '/v1/audit-log?limit=100', 200)
    expect(mine.json().total).toBeGreaterThan(0)
    expect(mine.json().items.every((e: { actorId: string }) => e.actorId === p.adminB.userId)).toBe(true)
    const all = await expectStatus('platformAdmin', 'GET', '/v1/audit-log?limit=100', 200)
    expect(all.json().items.some((e: { actorId: string | null }) => e.actorId !== p.adminB.userId)).toBe(true)
    for (const who of ['editorB', 'advisorB', 'nationalEditor'] as const)
      await expectStatus(who, 'GET', '/v1/audit-log', 403)
  })
})
