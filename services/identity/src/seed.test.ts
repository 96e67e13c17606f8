import { DEMO, IdentityEvents } from '@osinum/contracts'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_COMMUNES } from './seed/index.js'
import { identityService } from './service.js'
import { startTestService, type TestService } from './testing.js'

describe('embedded demo seed', () => {
  let h: TestService
  const count = async (
    table: 'users' | 'organisations' | 'operators' | 'memberships' | 'advisor_assignments' | 'outbox',
  ) =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const seed = () => identityService.seed!({ ...h.host.commandContext('identity'), log: () => {} } as never)

  beforeAll(async () => {
    h = await startTestService()
    await seed()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('is idempotent: a second run adds nothing and emits nothing', async () => {
    const before = await Promise.all(
      (['users', 'organisations', 'operators', 'memberships', 'advisor_assignments', 'outbox'] as const).map(
        count,
      ),
    )
    expect(before.slice(0, 5)).toEqual([6, 2, 1, 3, 2])
    await seed()
    const after = await Promise.all(
      (['users', 'organisations', 'operators', 'memberships', 'advisor_assignments', 'outbox'] as const).map(
        count,
      ),
    )
    expect(after).toEqual(before)
  })

  it('seeds two real small communes of the Creuse, attached to the demo operator and verified', async () => {
    const orgs = await h.db.selectFrom('organisations').selectAll().orderBy('official_code').execute()
    const [a, b] = orgs
    expect(a).toMatchObject({
      id: DEMO.communeA.id,
      official_code: DEMO_COMMUNES.communeA.code,
      name: DEMO_COMMUNES.communeA.name,
      population_bracket: 'under-500',
      departement: '23',
      operator_id: DEMO.operator.id,
      verification: 'verified',
    })
    expect(b).toMatchObject({
      id: DEMO.communeB.id,
      official_code: DEMO_COMMUNES.communeB.code,
      name: DEMO_COMMUNES.communeB.name,
      population_bracket: '500-999',
      operator_id: DEMO.operator.id,
      verification: 'verified',
    })
    expect(a!.advisor_consent_at).toBeInstanceOf(Date)
    expect(b!.advisor_consent_at).toBeNull()
  })

  it('every demo account signs in with the demo password and gets its roles and memberships', async () => {
    const login = async (email: string) => {
      const res = await h.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email, password: DEMO.password },
      })
      expect(res.statusCode, email).toBe(200)
      return decodeJwt(res.json().accessToken)
    }
    expect((await login(DEMO.admin.email)).roles).toEqual(['admin'])
    expect((await login(DEMO.editor.email)).roles).toEqual(['editor'])
    expect(await login(DEMO.advisor.email)).toMatchObject({ roles: ['advisor'], op: DEMO.operator.id })
    expect((await login(DEMO.communeA.elected.email)).orgs).toEqual([
      { id: DEMO.communeA.id, role: 'elected', ref: true },
    ])
    expect((await login(DEMO.communeA.agent.email)).orgs).toEqual([
      { id: DEMO.communeA.id, role: 'agent', ref: false },
    ])
    expect((await login(DEMO.communeB.elected.email)).orgs).toEqual([
      { id: DEMO.communeB.id, role: 'elected', ref: true },
    ])
    const operator = await h.db.selectFrom('operators').selectAll().executeTakeFirstOrThrow()
    expect(operator).toMatchObject({
      id: DEMO.operator.id,
      name: DEMO.operator.name,
      coordinator_id: DEMO.advisor.id,
    })
  })

  it('emits the events of the real flows, so other services’ projections fill', async () => {
    expect((await h.events(IdentityEvents.UserRegistered)).map((e) => e.data.userId).sort()).toHaveLength(6)
    expect(await h.events(IdentityEvents.OperatorCreated)).toHaveLength(1)
    expect(
      (await h.events(IdentityEvents.OrganisationCreated)).map((e) => e.data.organisationId).sort(),
    ).toEqual([DEMO.communeA.id, DEMO.communeB.id].sort())
    // Each mayor holds the claimed commune pending, then as verified referent; plus the agent of A.
    expect(await h.events(IdentityEvents.MembershipGranted)).toHaveLength(5)
    const decided = await h.events(IdentityEvents.ClaimDecided)
    expect(
      decided.map((e) => [e.data.organisationId, e.data.status, e.data.method, e.data.decidedBy]),
    ).toEqual([
      [DEMO.communeA.id, 'verified', 'operator', DEMO.advisor.id],
      [DEMO.communeB.id, 'verified', 'operator', DEMO.advisor.id],
    ])
    const updated = await h.events(IdentityEvents.OrganisationUpdated)
    expect(updated.map((e) => [e.data.organisationId, e.data.verification])).toEqual([
      [DEMO.communeA.id, 'verified'],
      [DEMO.communeB.id, 'verified'],
    ])
    expect(
      (await h.events(IdentityEvents.AdvisorAssigned)).every((e) => e.data.advisorId === DEMO.advisor.id),
    ).toBe(true)
    expect((await h.events(IdentityEvents.ConsentGranted)).map((e) => e.data.organisationId)).toEqual([
      DEMO.communeA.id,
    ])
  })

  it('grant-admin makes the first admin of an instance (creating the account if needed)', async () => {
    const command = identityService.commands!['grant-admin']!
    await command({ ...h.host.commandContext('identity'), log: () => {} } as never, [
      'Premier.Admin@instance.example',
    ])
    const user = await h.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'premier.admin@instance.example')
      .executeTakeFirstOrThrow()
    expect(user.platform_roles).toEqual(['admin'])
    expect(user.email_verified_at).toBeInstanceOf(Date)
    await h.waitForEvent(
      IdentityEvents.UserUpdated,
      (d) => d.userId === user.id && d.platformRoles.includes('admin'),
    )
    await expect(
      command({ ...h.host.commandContext('identity'), log: () => {} } as never, []),
    ).rejects.toThrow(/usage/)
  })
})
