import { IdentityEvents, type PlatformRole } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import { bearerHeader, callsAs } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestService, type TestService } from './testing.js'

const OP_A = '0193a000-0000-7000-8000-0000000a00a1'
const OP_B = '0193a000-0000-7000-8000-0000000a00b1'
const COMMUNE_A = '0193a000-0000-7000-8000-0000000b00a1'
const COMMUNE_B = '0193a000-0000-7000-8000-0000000b00b1'

type Who =
  | 'platformAdmin'
  | 'adminA'
  | 'adminB'
  | 'editorA'
  | 'editorB'
  | 'advisorB'
  | 'nationalEditor'
  | 'memberA'
  | 'memberB'

/**
 * Two operators and every scoped role in the catalogue: national content (tools, providers,
 * imports) by national editors and the platform admin; an operator's offers, criteria and the
 * moderation of its collectivités' reviews by that operator's editors and administrators.
 */
describe('catalogue operator scopes: two operators, every scoped role', () => {
  let t: TestService
  const tokens = {} as Record<Who, string>
  let offerA: string
  let reviewA: string

  const { expectStatus } = callsAs<Who>(
    () => t.host.app,
    (who) => bearerHeader(tokens[who]),
  )

  beforeAll(async () => {
    t = await startTestService({ seed: 'tools' })
    const staff = (n: number, roles: PlatformRole[], op: string | null) =>
      t.token({ sub: `0193a000-0000-7000-8000-0000000c0${String(n).padStart(3, '0')}`, roles, op })
    tokens.platformAdmin = await staff(101, ['admin'], null)
    tokens.adminA = await staff(102, ['admin'], OP_A)
    tokens.adminB = await staff(103, ['admin'], OP_B)
    tokens.editorA = await staff(104, ['editor'], OP_A)
    tokens.editorB = await staff(105, ['editor'], OP_B)
    tokens.advisorB = await staff(106, ['advisor'], OP_B)
    tokens.nationalEditor = await staff(107, ['editor'], null)
    tokens.memberA = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0108',
      orgs: [{ id: COMMUNE_A, role: 'elected', ref: true }],
    })
    tokens.memberB = await t.token({
      sub: '0193a000-0000-7000-8000-0000000c0109',
      orgs: [{ id: COMMUNE_B, role: 'elected', ref: true }],
    })
    for (const [id, op] of [
      [COMMUNE_A, OP_A],
      [COMMUNE_B, OP_B],
    ] as const)
      await publishTestEvent(t.host, IdentityEvents.OrganisationCreated, id, {
        organisationId: id,
        kind: 'commune',
        officialCode: id === COMMUNE_A ? '23003' : '19272',
        name: id === COMMUNE_A ? 'Alleyrat' : 'Commune de Corrèze',
        population: 800,
        populationBracket: '500-999',
        departement: id === COMMUNE_A ? '23' : '19',
        region: '75',
        epci: null,
        operatorId: op,
      })
    await waitFor(async () => {
      const rows = await t.ctx.db.selectFrom('organisations').select('id').execute()
      return rows.length === 2
    })
    offerA = (
      await expectStatus('editorA', 'POST', '/v1/operator-offers', 201, {
        toolSlug: 'nextcloud',
        description: 'Hébergé par le syndicat A',
      })
    ).json().id
    await expectStatus('memberA', 'POST', '/v1/tool-usages', 201, {
      toolSlug: 'nextcloud',
      organisationId: COMMUNE_A,
      status: 'uses',
    })
    reviewA = (
      await expectStatus('memberA', 'POST', '/v1/tools/nextcloud/reviews', 201, {
        organisationId: COMMUNE_A,
        rating: 4,
        text: 'Très utile pour partager les délibérations.',
      })
    ).json().id
  })
  afterAll(async () => {
    await t?.close()
  })

  it('an operator’s editor or admin can neither archive nor publish national tools, edit providers nor import', async () => {
    for (const who of ['editorB', 'adminB', 'adminA', 'editorA'] as const) {
      await expectStatus(who, 'PATCH', '/v1/tools/nextcloud', 403, { status: 'archived' })
      await expectStatus(who, 'POST', '/v1/tools', 403, { name: 'Outil pirate', categories: ['bureautique'] })
      await expectStatus(who, 'GET', '/v1/tools/nextcloud/history', 403)
      await expectStatus(who, 'POST', '/v1/providers', 403, { name: 'Prestataire', kind: 'company' })
      await expectStatus(who, 'POST', '/v1/catalogue/imports', 403, [])
      await expectStatus(who, 'GET', '/v1/catalogue/imports', 403)
    }
    // National editors and the platform admin do national work.
    await expectStatus('nationalEditor', 'GET', '/v1/tools/nextcloud/history', 200)
    await expectStatus('platformAdmin', 'PATCH', '/v1/tools/nextcloud', 200, {
      summary: 'Le nuage des communes, hébergé en France.',
    })
    await expectStatus('nationalEditor', 'POST', '/v1/providers', 201, {
      name: 'Coop nationale',
      kind: 'scic',
    })
  })

  it('operator offers: its own editors and admins manage them, nobody of another operator, not national editors', async () => {
    for (const who of ['editorB', 'adminB', 'nationalEditor'] as const) {
      await expectStatus(who, 'PATCH', `/v1/operator-offers/${offerA}`, 403, { description: 'Pris' })
      await expectStatus(who, 'DELETE', `/v1/operator-offers/${offerA}`, 403)
    }
    await expectStatus('adminB', 'POST', '/v1/operator-offers', 403, {
      toolSlug: 'jitsi-meet',
      operatorId: OP_A,
    })
    await expectStatus('adminA', 'PATCH', `/v1/operator-offers/${offerA}`, 200, {
      description: 'Hébergé en Creuse',
    })
    await expectStatus('platformAdmin', 'PATCH', `/v1/operator-offers/${offerA}`, 200, {
      priceIndication: 'Inclus dans l’adhésion',
    })
  })

  it('local criteria: the operator’s editors and admins manage them; another operator’s staff do not even see them', async () => {
    await expectStatus('editorA', 'POST', '/v1/criteria', 201, {
      key: 'heberge-a',
      label: 'Hébergé par le syndicat A',
      kind: 'boolean',
    })
    for (const who of ['editorB', 'adminB'] as const) {
      await expectStatus(who, 'PATCH', '/v1/criteria/heberge-a', 404, { label: 'Pris' })
      await expectStatus(who, 'PUT', '/v1/tools/nextcloud/attributes/heberge-a', 404, { value: false })
      await expectStatus(who, 'DELETE', '/v1/criteria/heberge-a', 404)
    }
    await expectStatus('nationalEditor', 'PATCH', '/v1/criteria/heberge-a', 403, { label: 'Pris' })
    await expectStatus('adminA', 'PUT', '/v1/tools/nextcloud/attributes/heberge-a', 204, { value: true })
    await expectStatus('adminA', 'PATCH', '/v1/criteria/heberge-a', 200, { label: 'Hébergé en Creuse' })
  })

  it('reviews are moderated by their collectivité’s operator (or nationally), never by another operator', async () => {
    const queueB = await expectStatus('editorB', 'GET', '/v1/reviews?status=pending', 200)
    expect(queueB.json().items.map((r: { id: string }) => r.id)).not.toContain(reviewA)
    const queueA = await expectStatus('adminA', 'GET', '/v1/reviews?status=pending', 200)
    expect(queueA.json().items.map((r: { id: string }) => r.id)).toEqual([reviewA])
    for (const who of ['editorB', 'adminB'] as const) {
      await expectStatus(who, 'POST', `/v1/reviews/${reviewA}/moderation`, 404, { status: 'rejected' })
      await expectStatus(who, 'DELETE', `/v1/reviews/${reviewA}`, 404)
    }
    await expectStatus('editorA', 'POST', `/v1/reviews/${reviewA}/moderation`, 200, { status: 'published' })
    const national = await expectStatus('nationalEditor', 'GET', '/v1/reviews', 200)
    expect(national.json().items.map((r: { id: string }) => r.id)).toContain(reviewA)
  })

  it('a collectivité’s tool usages: its members and its operator’s administrators, not another operator', async () => {
    await expectStatus('adminB', 'GET', `/v1/tool-usages?organisationId=${COMMUNE_A}`, 403)
    await expectStatus('editorA', 'GET', `/v1/tool-usages?organisationId=${COMMUNE_A}`, 403)
    await expectStatus('advisorB', 'GET', `/v1/tool-usages?organisationId=${COMMUNE_A}`, 403)
    const seen = await expectStatus('adminA', 'GET', `/v1/tool-usages?organisationId=${COMMUNE_A}`, 200)
    expect(seen.json().total).toBe(1)
    await expectStatus('adminB', 'POST', '/v1/tool-usages', 403, {
      toolSlug: 'jitsi-meet',
      organisationId: COMMUNE_A,
      status: 'uses',
    })
  })
})
