import { IdentityEvents } from '@osinum/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isValidSiren } from './domain/organisations.js'
import type { TokenPair } from './domain/tokens.js'
import { bearer, startTestService, type TestService } from './testing.js'

const PROBLEM = /application\/problem\+json/

describe('collectivités from official data, and operators', () => {
  let h: TestService
  let admin: TokenPair
  let maire: TokenPair
  beforeAll(async () => {
    h = await startTestService()
    admin = await h.signUp('admin@instance.example', { roles: ['admin'] })
    maire = await h.signUp('maire@alleyrat.example')
  })
  afterAll(async () => {
    await h?.close()
  })

  const create = (pair: TokenPair, payload: Record<string, unknown>) =>
    h.inject({ method: 'POST', url: '/v1/organisations', headers: bearer(pair), payload })

  it('claims a commune by INSEE code: registered from the official data, pending, its claimant a pending member (not referent)', async () => {
    const res = await create(maire, { kind: 'commune', officialCode: '23003', role: 'elected' })
    expect(res.statusCode).toBe(201)
    const org = res.json()
    expect(res.headers.location).toBe(`/v1/organisations/${org.id}`)
    expect(org).toMatchObject({
      kind: 'commune',
      officialCode: '23003',
      name: 'Alleyrat',
      populationBracket: 'under-500',
      departement: '23',
      departementName: 'Creuse',
      region: '75',
      regionName: 'Nouvelle-Aquitaine',
      epci: '200044014',
      postcodes: ['23200'],
      advisorConsent: false,
      verification: 'pending',
      verifiedAt: null,
    })
    expect(org.population).toBeGreaterThan(0)
    expect(org.population).toBeLessThan(500)

    const created = await h.waitForEvent(
      IdentityEvents.OrganisationCreated,
      (d) => d.organisationId === org.id,
    )
    expect(created.data).toMatchObject({
      officialCode: '23003',
      population: org.population,
      departement: '23',
      verification: 'pending',
    })
    const granted = await h.waitForEvent(IdentityEvents.MembershipGranted, (d) => d.organisationId === org.id)
    expect(granted.data).toEqual({
      organisationId: org.id,
      userId: maire.userId,
      role: 'elected',
      referent: false,
    })
    const claimed = await h.waitForEvent(IdentityEvents.ClaimSubmitted, (d) => d.organisationId === org.id)
    expect(claimed.data).toMatchObject({ userId: maire.userId, role: 'elected', competing: 0 })
    const me = (await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(maire) })).json()
    expect(me.memberships).toEqual([
      {
        organisationId: org.id,
        organisationName: 'Alleyrat',
        kind: 'commune',
        role: 'elected',
        referent: false,
        verification: 'pending',
      },
    ])
    await h.verifyClaim(org.id, maire.userId)
    const verified = (await h.inject({ method: 'GET', url: '/v1/users/me', headers: bearer(maire) })).json()
    expect(verified.memberships[0]).toMatchObject({ referent: true, verification: 'verified' })
  })

  it('refuses an unknown official code with 422 naming the field, and a malformed one with 400', async () => {
    const unknown = await create(maire, { kind: 'commune', officialCode: '99999', role: 'agent' })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.headers['content-type']).toMatch(PROBLEM)
    expect(unknown.json().errors).toEqual([
      { field: 'officialCode', message: expect.stringContaining('99999') },
    ])
    const malformed = await create(maire, { kind: 'commune', officialCode: '12-34', role: 'agent' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().code).toBe('OSI_VALIDATION')
    expect(malformed.json().errors[0].field).toBe('body.officialCode')
  })

  it('registers each collectivité once: claiming a registered one is a pending claim (202), not a membership', async () => {
    const other = await h.signUp('secretaire@alleyrat.example')
    const res = await create(other, { kind: 'commune', officialCode: '23003', role: 'agent' })
    expect(res.statusCode).toBe(202)
    const claim = res.json()
    expect(claim).toMatchObject({
      officialCode: '23003',
      userId: other.userId,
      status: 'pending',
      organisationVerification: 'verified',
      competing: 0,
    })
    expect(res.headers.location).toBe(`/v1/organisations/${claim.organisationId}`)
    // Asking again answers the same claim; a member asking is told so.
    const again = await create(other, { kind: 'commune', officialCode: '23003', role: 'agent' })
    expect(again.statusCode).toBe(202)
    expect(again.json().id).toBe(claim.id)
    const member = await create(maire, { kind: 'commune', officialCode: '23003', role: 'elected' })
    expect(member.statusCode).toBe(409)
    expect(member.headers['content-type']).toMatch(PROBLEM)
    expect(member.json().code).toBe('OSI_IDENTITY_ALREADY_MEMBER')
    const count = await h.db
      .selectFrom('organisations')
      .select('id')
      .where('official_code', '=', '23003')
      .execute()
    expect(count).toHaveLength(1)
  })

  it('creates an EPCI by SIREN, a département and a région by code', async () => {
    const epci = (await create(admin, { kind: 'epci', officialCode: '200044014', role: 'agent' })).json()
    expect(epci).toMatchObject({ name: 'CC Creuse Grand Sud', departement: '23', region: '75' })
    expect(epci.population).toBeGreaterThan(1000)
    const dep = (await create(admin, { kind: 'departement', officialCode: '23', role: 'agent' })).json()
    expect(dep).toMatchObject({
      name: 'Creuse',
      departement: '23',
      region: '75',
      populationBracket: '20000-plus',
    })
    const reg = (await create(admin, { kind: 'region', officialCode: '75', role: 'agent' })).json()
    expect(reg).toMatchObject({ name: 'Nouvelle-Aquitaine', region: '75', departement: null })
  })

  it('lets admins register a syndicat by SIREN and name; others may not', async () => {
    let siren = '200000000'
    for (let n = 200000001; !isValidSiren(siren); n++) siren = String(n)
    const forbidden = await create(maire, {
      kind: 'syndicat',
      officialCode: siren,
      name: 'Syndicat des eaux',
      role: 'agent',
    })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.headers['content-type']).toMatch(PROBLEM)
    const invalid = await create(admin, { kind: 'syndicat', officialCode: '123456789', role: 'agent' })
    expect(invalid.statusCode).toBe(422)
    expect(
      invalid
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['name', 'officialCode'])
    const ok = await create(admin, {
      kind: 'syndicat',
      officialCode: siren,
      name: 'Syndicat numérique de la Creuse',
      departement: '23',
      role: 'agent',
    })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({
      kind: 'syndicat',
      name: 'Syndicat numérique de la Creuse',
      departement: '23',
    })
  })

  it('searches the official data by name (accent- and case-insensitive), postcode or code, without signing in', async () => {
    const search = async (q: string, extra = '') => {
      const res = await h.inject({
        method: 'GET',
        url: `/v1/organisations/search?q=${encodeURIComponent(q)}${extra}`,
      })
      expect(res.statusCode).toBe(200)
      return res.json().items as Array<{ officialCode: string; name: string; kind: string }>
    }
    expect((await search('anzeme'))[0]).toMatchObject({ officialCode: '23004', name: 'Anzême' })
    expect((await search('ALLEYRAT'))[0]).toMatchObject({ officialCode: '23003' })
    expect((await search('23200', '&limit=50')).map((c) => c.officialCode)).toContain('23003')
    expect((await search('23004'))[0]).toMatchObject({ name: 'Anzême' })
    expect((await search('saint etienne'))[0]).toMatchObject({ officialCode: '42218', name: 'Saint-Étienne' })
    expect((await search('st-étienne'))[0]).toMatchObject({ officialCode: '42218' })
    expect((await search('creuse grand sud', '&kind=epci'))[0]).toMatchObject({
      kind: 'epci',
      officialCode: '200044014',
    })
    expect(await search('zzzzzz')).toEqual([])
    const res = await h.inject({ method: 'GET', url: '/v1/organisations/search?q=' })
    expect(res.statusCode).toBe(400)
  })

  it('an operator covers départements: collectivités there are attached to it; its coordinator becomes its advisor', async () => {
    const coordinator = await h.signUp('coordination@syndicat.example')
    const res = await h.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(admin),
      payload: {
        name: 'Syndicat mixte du Limousin numérique',
        departements: ['23', '87'],
        displayName: 'Limousin numérique',
        logoUrl: 'https://limousin.example/logo.svg',
        primaryColor: '#005a9c',
        website: 'https://limousin.example',
        coordinatorId: coordinator.userId,
      },
    })
    expect(res.statusCode).toBe(201)
    const op = res.json()
    expect(op).toMatchObject({
      departements: ['23', '87'],
      coordinatorId: coordinator.userId,
      primaryColor: '#005a9c',
    })
    const event = await h.waitForEvent(IdentityEvents.OperatorCreated, (d) => d.operatorId === op.id)
    expect(event.data).toMatchObject({
      name: 'Syndicat mixte du Limousin numérique',
      departements: ['23', '87'],
    })
    const roles = await h.waitForEvent(IdentityEvents.UserUpdated, (d) => d.userId === coordinator.userId)
    expect(roles.data).toMatchObject({ platformRoles: ['advisor'], operatorId: op.id })

    // Already registered collectivités of the Creuse are attached now…
    const alleyrat = await h.db
      .selectFrom('organisations')
      .selectAll()
      .where('official_code', '=', '23003')
      .executeTakeFirstOrThrow()
    expect(alleyrat.operator_id).toBe(op.id)
    await h.waitForEvent(
      IdentityEvents.OrganisationUpdated,
      (d) => d.organisationId === alleyrat.id && d.operatorId === op.id,
    )
    // …and new ones by default; elsewhere they stay unattached.
    const anzeme = (
      await create(await h.signUp('maire@anzeme.example'), {
        kind: 'commune',
        officialCode: '23004',
        role: 'elected',
      })
    ).json()
    expect(anzeme.operatorId).toBe(op.id)
    const tulle = (
      await create(await h.signUp('maire@tulle.example'), {
        kind: 'commune',
        officialCode: '19272',
        role: 'elected',
      })
    ).json()
    expect(tulle.operatorId).toBeNull()

    // An admin attaches a collectivité to the operator it adheres to.
    const moved = await h.inject({
      method: 'PATCH',
      url: `/v1/organisations/${tulle.id}`,
      headers: bearer(admin),
      payload: { operatorId: op.id },
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().operatorId).toBe(op.id)
    await h.waitForEvent(
      IdentityEvents.OrganisationUpdated,
      (d) => d.organisationId === tulle.id && d.operatorId === op.id,
    )

    const list = await h.inject({ method: 'GET', url: '/v1/operators?departement=87' })
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([op.id])
    expect((await h.inject({ method: 'GET', url: `/v1/operators/${op.id}` })).json().displayName).toBe(
      'Limousin numérique',
    )

    const updated = await h.inject({
      method: 'PATCH',
      url: `/v1/operators/${op.id}`,
      headers: bearer(admin),
      payload: { departements: ['23', '87', '19'] },
    })
    expect(updated.statusCode).toBe(200)
    await h.waitForEvent(
      IdentityEvents.OperatorUpdated,
      (d) => d.operatorId === op.id && d.departements.includes('19'),
    )
  })

  it('validates operators: unknown département 400, unknown coordinator 422', async () => {
    const bad = await h.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(admin),
      payload: { name: 'X', departements: ['99'] },
    })
    expect(bad.statusCode).toBe(400)
    const noCoordinator = await h.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(admin),
      payload: { name: 'X', departements: ['01'], coordinatorId: '0193a000-0000-7000-8000-0000000009ff' },
    })
    expect(noCoordinator.statusCode).toBe(422)
    expect(noCoordinator.json().errors[0].field).toBe('coordinatorId')
  })

  it('lists collectivités with an accent-insensitive filter (admins see all)', async () => {
    const res = await h.inject({ method: 'GET', url: '/v1/organisations?q=anzeme', headers: bearer(admin) })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ total: 1, items: [{ name: 'Anzême' }] })
    const all = await h.inject({ method: 'GET', url: '/v1/organisations?limit=2', headers: bearer(admin) })
    expect(all.json().total).toBeGreaterThan(2)
    expect(all.json().items).toHaveLength(2)
  })
})
