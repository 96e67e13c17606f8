import { IdentityEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Criterion, OperatorOffer, SearchResult, ToolDetail } from './schemas.js'
import { PROBLEM, startTestService, type TestService } from './testing.js'

const OPERATOR_X = '0193a000-0000-7000-8000-0000000a0011'
const OPERATOR_Y = '0193a000-0000-7000-8000-0000000a0012'
const COMMUNE_X = '0193a000-0000-7000-8000-0000000b0011' // adheres to X
const COMMUNE_Y = '0193a000-0000-7000-8000-0000000b0012' // adheres to Y

describe('operators’ offers and editor-defined criteria', () => {
  let t: TestService
  let editorX: string
  let editorY: string
  let nationalEditor: string
  let memberX: string
  let memberY: string
  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    token?: string,
    payload?: unknown,
  ) =>
    t.host.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
  const search = async (query: string, token?: string) => {
    const res = await inject('GET', `/v1/tools?${query}`, token)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as SearchResult
  }

  beforeAll(async () => {
    t = await startTestService({ seed: 'tools' })
    editorX = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0021',
      roles: ['editor'],
      op: OPERATOR_X,
    })
    editorY = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0022',
      roles: ['editor'],
      op: OPERATOR_Y,
    })
    nationalEditor = await t.token({ sub: '0193a000-0000-7000-8000-0000000c0023', roles: ['editor'] })
    memberX = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0024',
      orgs: [{ id: COMMUNE_X, role: 'agent' }],
    })
    memberY = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0025',
      orgs: [{ id: COMMUNE_Y, role: 'agent' }],
    })
    await publishTestEvent(t.host, IdentityEvents.OperatorCreated, OPERATOR_X, {
      operatorId: OPERATOR_X,
      name: 'Syndicat X',
      departements: ['29'],
      coordinatorId: null,
    })
    for (const [id, op] of [
      [COMMUNE_X, OPERATOR_X],
      [COMMUNE_Y, OPERATOR_Y],
    ] as const)
      await publishTestEvent(t.host, IdentityEvents.OrganisationCreated, id, {
        organisationId: id,
        kind: 'commune',
        officialCode: '29000',
        name: `Commune ${id.slice(-2)}`,
        population: 800,
        populationBracket: '500-999',
        departement: '29',
        region: '53',
        epci: null,
        operatorId: op,
      })
    await waitFor(async () => {
      const [orgs, ops] = await Promise.all([
        t.ctx.db.selectFrom('organisations').select('id').execute(),
        t.ctx.db.selectFrom('operators').select('id').execute(),
      ])
      return orgs.length === 2 && ops.length === 1
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lets an operator’s editor declare offers for that operator only', async () => {
    const create = (token: string, body: Record<string, unknown>) =>
      inject('POST', '/v1/operator-offers', token, body)
    const other = await create(editorX, { operatorId: OPERATOR_Y, toolSlug: 'nextcloud' })
    expect(other.statusCode).toBe(403)
    expect(other.headers['content-type']).toMatch(PROBLEM)
    expect(other.json().code).toBe('OSI_CATALOGUE_OTHER_OPERATOR')
    expect((await create(memberX, { toolSlug: 'nextcloud' })).statusCode).toBe(403)
    const noOperator = await create(nationalEditor, { toolSlug: 'nextcloud' })
    expect(noOperator.statusCode).toBe(422)
    const nextcloud = await create(editorX, {
      toolSlug: 'nextcloud',
      description: 'Hébergé par le syndicat en France.',
      priceIndication: 'Inclus dans l’adhésion',
    })
    expect(nextcloud.statusCode, nextcloud.body).toBe(201)
    expect(nextcloud.json()).toMatchObject({
      operatorId: OPERATOR_X,
      operatorName: 'Syndicat X',
      toolSlug: 'nextcloud',
    })
    expect((await create(editorX, { toolSlug: 'nextcloud' })).statusCode).toBe(409)
    expect((await create(editorX, { toolSlug: 'jitsi-meet' })).statusCode).toBe(201)
    expect((await create(editorY, { toolSlug: 'limesurvey' })).statusCode).toBe(201)
    const offer = nextcloud.json() as OperatorOffer
    expect(
      (await inject('PATCH', `/v1/operator-offers/${offer.id}`, editorY, { url: 'https://y.example' }))
        .statusCode,
    ).toBe(403)
    expect((await inject('DELETE', `/v1/operator-offers/${offer.id}`, editorY)).statusCode).toBe(403)
    const patched = await inject('PATCH', `/v1/operator-offers/${offer.id}`, editorX, {
      url: 'https://cloud.syndicat-x.example',
    })
    expect(patched.json().url).toBe('https://cloud.syndicat-x.example')
    const listed = (await inject('GET', `/v1/operator-offers?operatorId=${OPERATOR_X}`)).json()
    expect(listed.total).toBe(2)
  })

  it('shows "proposé par votre syndicat" to that operator’s collectivités, in search and on the tool', async () => {
    const x = await search('q=nextcloud', memberX)
    expect(x.items[0]).toMatchObject({
      slug: 'nextcloud',
      offeredByMyOperator: true,
      operatorOffer: expect.objectContaining({
        operatorName: 'Syndicat X',
        priceIndication: 'Inclus dans l’adhésion',
      }),
    })
    const y = await search('q=nextcloud', memberY)
    expect(y.items[0]).toMatchObject({ slug: 'nextcloud', offeredByMyOperator: false, operatorOffer: null })
    const anonymous = await search('q=nextcloud')
    expect(anonymous.items[0]?.offeredByMyOperator).toBe(false)
    expect(anonymous.facets.offeredByMyOperator).toEqual([])

    const tool = (await inject('GET', '/v1/tools/nextcloud', memberX)).json() as ToolDetail
    expect(tool.offeredByMyOperator).toBe(true)
    expect(tool.operatorOffer?.url).toBe('https://cloud.syndicat-x.example')
    expect(
      ((await inject('GET', '/v1/tools/nextcloud', memberY)).json() as ToolDetail).offeredByMyOperator,
    ).toBe(false)

    // The facet counts the operator's offers, and filtering on it gives exactly those.
    const all = await search('limit=100', memberX)
    expect(all.facets.offeredByMyOperator.find((v) => v.value === 'true')?.count).toBe(2)
    const offered = await search('offeredByMyOperator=true&limit=100', memberX)
    expect(offered.items.map((i) => i.slug).sort()).toEqual(['jitsi-meet', 'nextcloud'])
    expect(offered.items.every((i) => i.offeredByMyOperator)).toBe(true)
    const offeredY = await search('offeredByMyOperator=true&limit=100', memberY)
    expect(offeredY.items.map((i) => i.slug)).toEqual(['limesurvey'])
    // The operator's own staff see its offers too.
    expect((await search('offeredByMyOperator=true', editorX)).total).toBe(2)
  })

  it('lets editors define typed, filterable criteria without a schema change', async () => {
    const created = await inject('POST', '/v1/criteria', nationalEditor, {
      key: 'rgpd-dpa',
      label: 'Contrat de sous-traitance RGPD disponible',
      kind: 'boolean',
      filterable: true,
    })
    expect(created.statusCode, created.body).toBe(201)
    expect((created.json() as Criterion).operatorId).toBeNull()
    const level = await inject('POST', '/v1/criteria', nationalEditor, {
      key: 'niveau-support',
      label: 'Niveau de support',
      kind: 'enum',
      options: [
        { value: 'communautaire', label: 'Communautaire' },
        { value: 'professionnel', label: 'Professionnel' },
      ],
      filterable: true,
    })
    expect(level.statusCode).toBe(201)
    const price = await inject('POST', '/v1/criteria', nationalEditor, {
      key: 'prix-mensuel',
      label: 'Prix mensuel indicatif',
      kind: 'number',
      unit: '€',
      filterable: true,
    })
    expect(price.statusCode).toBe(201)
    const noOptions = await inject('POST', '/v1/criteria', nationalEditor, {
      key: 'vide',
      label: 'Vide',
      kind: 'enum',
    })
    expect(noOptions.statusCode).toBe(422)
    expect(
      (
        await inject('POST', '/v1/criteria', nationalEditor, {
          key: 'rgpd-dpa',
          label: 'Doublon',
          kind: 'text',
        })
      ).statusCode,
    ).toBe(409)

    const set = (slug: string, key: string, value: unknown, token = nationalEditor) =>
      inject('PUT', `/v1/tools/${slug}/attributes/${key}`, token, { value })
    for (const slug of ['nextcloud', 'jitsi-meet', 'bigbluebutton'])
      expect((await set(slug, 'rgpd-dpa', true)).statusCode).toBe(204)
    expect((await set('microsoft-365', 'rgpd-dpa', false)).statusCode).toBe(204)
    expect((await set('nextcloud', 'niveau-support', 'professionnel')).statusCode).toBe(204)
    expect((await set('jitsi-meet', 'niveau-support', 'communautaire')).statusCode).toBe(204)
    expect((await set('nextcloud', 'prix-mensuel', 5)).statusCode).toBe(204)
    expect((await set('jitsi-meet', 'prix-mensuel', 0)).statusCode).toBe(204)
    const wrong = await set('nextcloud', 'niveau-support', 'premium')
    expect(wrong.statusCode).toBe(422)
    expect(wrong.headers['content-type']).toMatch(PROBLEM)
    expect(wrong.json().errors[0].field).toBe('body.value')
    expect((await set('nextcloud', 'rgpd-dpa', 'oui')).statusCode).toBe(422)
    expect((await set('nextcloud', 'inconnu', true)).statusCode).toBe(404)

    const dpa = await search('attribute=rgpd-dpa:true&limit=100')
    expect(dpa.items.map((i) => i.slug).sort()).toEqual(['bigbluebutton', 'jitsi-meet', 'nextcloud'])
    const facet = dpa.facets.attributes.find((a) => a.key === 'rgpd-dpa')!
    // The criterion's own facet ignores its filter: true 3, false 1.
    expect(facet.values).toEqual([
      { value: 'true', label: 'Oui', count: 3 },
      { value: 'false', label: 'Non', count: 1 },
    ])
    const support = dpa.facets.attributes.find((a) => a.key === 'niveau-support')!
    expect(support.values.find((v) => v.value === 'professionnel')?.count).toBe(1)
    expect((await search('attribute=rgpd-dpa:true&attribute=niveau-support:professionnel')).total).toBe(1)
    expect((await search('attribute=prix-mensuel:..2')).items.map((i) => i.slug)).toEqual(['jitsi-meet'])
    expect((await search('attribute=prix-mensuel:1..')).items.map((i) => i.slug)).toEqual(['nextcloud'])
    const bad = await inject('GET', '/v1/tools?attribute=niveau-support:premium')
    expect(bad.statusCode).toBe(422)
    expect(bad.json().code).toBe('OSI_CATALOGUE_INVALID_FILTER')

    const tool = (await inject('GET', '/v1/tools/nextcloud')).json() as ToolDetail
    expect(tool.attributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'rgpd-dpa', value: true, valueLabel: 'Oui' }),
        expect.objectContaining({ key: 'prix-mensuel', value: 5, valueLabel: '5 €' }),
      ]),
    )
    const compared = (await inject('GET', '/v1/tools/compare?slugs=nextcloud,jitsi-meet')).json()
    const row = compared.rows.find((r: { key: string }) => r.key === 'attribute:niveau-support')
    expect(row.values.map((v: { display: string }) => v.display)).toEqual(['Professionnel', 'Communautaire'])
    const exported = (await inject('GET', '/v1/catalogue/export.json')).json()
    expect(exported.tools.find((x: { slug: string }) => x.slug === 'nextcloud').attributes).toMatchObject({
      'rgpd-dpa': true,
      'prix-mensuel': 5,
    })
    expect((await inject('GET', '/v1/catalogue/export.csv')).body.split('\r\n')[0]).toContain('attr_rgpd_dpa')
  })

  it('keeps an operator’s criteria to that operator: only its editors manage them, only its people see them', async () => {
    const created = await inject('POST', '/v1/criteria', editorX, {
      key: 'marketplace-x',
      label: 'Disponible sur la place de marché du syndicat',
      kind: 'boolean',
      filterable: true,
    })
    expect(created.statusCode).toBe(201)
    expect(created.json().operatorId).toBe(OPERATOR_X)
    expect(
      (await inject('PUT', '/v1/tools/nextcloud/attributes/marketplace-x', editorX, { value: true }))
        .statusCode,
    ).toBe(204)
    // Editor Y can neither see (404) nor change it; editor X cannot change national criteria.
    expect(
      (await inject('PUT', '/v1/tools/nextcloud/attributes/marketplace-x', editorY, { value: false }))
        .statusCode,
    ).toBe(404)
    expect(
      (await inject('PATCH', '/v1/criteria/marketplace-x', editorY, { label: 'Piraté' })).statusCode,
    ).toBe(404)
    const national = await inject('PATCH', '/v1/criteria/rgpd-dpa', editorX, { label: 'Changé' })
    expect(national.statusCode).toBe(403)
    expect(national.json().code).toBe('OSI_CATALOGUE_OTHER_OPERATOR')
    expect(
      (await inject('PUT', '/v1/tools/nextcloud/attributes/rgpd-dpa', editorX, { value: false })).statusCode,
    ).toBe(403)

    const keys = async (token?: string) =>
      ((await inject('GET', '/v1/criteria', token)).json() as Criterion[]).map((c) => c.key)
    expect(await keys(memberX)).toContain('marketplace-x')
    expect(await keys(memberY)).not.toContain('marketplace-x')
    expect(await keys()).not.toContain('marketplace-x')
    const facetKeys = async (token?: string) =>
      (await search('limit=1', token)).facets.attributes.map((a) => a.key)
    expect(await facetKeys(memberX)).toContain('marketplace-x')
    expect(await facetKeys(memberY)).not.toContain('marketplace-x')
    expect((await inject('GET', '/v1/tools?attribute=marketplace-x:true', memberY)).statusCode).toBe(422)
    expect((await search('attribute=marketplace-x:true', memberX)).items.map((i) => i.slug)).toEqual([
      'nextcloud',
    ])
    const pageY = (await inject('GET', '/v1/tools/nextcloud', memberY)).json() as ToolDetail
    expect(pageY.attributes.map((a) => a.key)).not.toContain('marketplace-x')
    const exported = (await inject('GET', '/v1/catalogue/export.json')).json()
    expect(
      exported.tools.find((x: { slug: string }) => x.slug === 'nextcloud').attributes,
    ).not.toHaveProperty('marketplace-x')

    expect((await inject('DELETE', '/v1/criteria/marketplace-x', editorX)).statusCode).toBe(204)
    expect(await keys(memberX)).not.toContain('marketplace-x')
  })

  it('manages providers and their offers on tools (regions served, price indication)', async () => {
    const created = await inject('POST', '/v1/providers', nationalEditor, {
      name: 'Coopérative Exemple',
      kind: 'scic',
      website: 'https://coop.example.org',
      regions: ['Bretagne'],
    })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json().slug).toBe('cooperative-exemple')
    const offer = await inject('POST', '/v1/providers/cooperative-exemple/offers', nationalEditor, {
      toolSlug: 'nextcloud',
      regions: ['Bretagne', 'Pays de la Loire'],
      priceIndication: 'À partir de 6 € HT par utilisateur et par mois',
    })
    expect(offer.statusCode, offer.body).toBe(201)
    const tool = (await inject('GET', '/v1/tools/nextcloud')).json() as ToolDetail
    expect(tool.providerOffers).toEqual([
      expect.objectContaining({
        provider: expect.objectContaining({ slug: 'cooperative-exemple', kind: 'scic' }),
        regions: ['Bretagne', 'Pays de la Loire'],
      }),
    ])
    expect((await inject('GET', '/v1/providers?region=Pays%20de%20la%20Loire')).json().total).toBe(1)
    expect((await inject('GET', '/v1/providers?toolSlug=jitsi-meet')).json().total).toBe(0)
    expect((await inject('GET', '/v1/providers?kind=scic&q=coop')).json().items[0].offers).toHaveLength(1)
    const offerId = offer.json().offers[0].id
    const patched = await inject(
      'PATCH',
      `/v1/providers/cooperative-exemple/offers/${offerId}`,
      nationalEditor,
      {
        priceIndication: 'Sur devis',
      },
    )
    expect(patched.json().offers[0].priceIndication).toBe('Sur devis')
    expect(
      (await inject('DELETE', `/v1/providers/cooperative-exemple/offers/${offerId}`, nationalEditor))
        .statusCode,
    ).toBe(204)
    expect((await inject('DELETE', '/v1/providers/cooperative-exemple', nationalEditor)).statusCode).toBe(204)
    expect((await inject('GET', '/v1/providers/cooperative-exemple')).statusCode).toBe(404)
  })
})
