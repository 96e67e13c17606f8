import { CatalogueEvents, IdentityEvents, ResourcesEvents } from '@osinum/contracts'
import { publishTestEvent, waitFor } from '@osinum/service-kit/testing'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './domain/db.js'
import { defaultReferential } from './domain/referential.js'
import {
  bearer,
  completeAnswers,
  createOrganisation,
  memberToken,
  patchBody,
  startTestService,
  type TestService,
} from './testing.js'

const v1 = defaultReferential().questionnaire(1)!

describe('links of the recommendations to tools, resources and the operator’s offers', () => {
  let env: TestService
  const operatorId = uuidv7()
  beforeAll(async () => {
    env = await startTestService()
    const tool = (slug: string, name: string, status: 'published' | 'archived') => ({
      toolId: uuidv7(),
      slug,
      name,
      summary: `${name} en une phrase.`,
      categories: ['passwords-security' as const],
      themes: ['security' as const],
      status,
    })
    await publishTestEvent(
      env.host,
      CatalogueEvents.ToolPublished,
      uuidv7(),
      tool('keepassxc', 'KeePassXC', 'published'),
    )
    await publishTestEvent(
      env.host,
      CatalogueEvents.ToolPublished,
      uuidv7(),
      tool('vaultwarden', 'Vaultwarden', 'published'),
    )
    await publishTestEvent(
      env.host,
      CatalogueEvents.ToolUpdated,
      uuidv7(),
      tool('bitwarden', 'Bitwarden', 'archived'),
    )
    await publishTestEvent(env.host, ResourcesEvents.ResourcePublished, uuidv7(), {
      resourceId: uuidv7(),
      slug: 'guide-mots-de-passe',
      title: 'Bien choisir ses mots de passe',
      summary: 'Un guide.',
      themes: ['security'],
      operatorId: null,
    })
    await publishTestEvent(env.host, IdentityEvents.OperatorCreated, operatorId, {
      operatorId,
      name: 'Syndicat du Limousin numérique',
      departements: ['23'],
      coordinatorId: null,
    })
    const db = env.host.database.db.withSchema(env.schema) as unknown as Kysely<Database>
    await waitFor(async () => {
      const [tools, resources, operators] = await Promise.all([
        db.selectFrom('tools').select('slug').execute(),
        db.selectFrom('resources').select('slug').execute(),
        db.selectFrom('operators').select('id').execute(),
      ])
      return tools.length === 3 && resources.length === 1 && operators.length === 1
    })
    // The catalogue announces the operator's offer; the consumer fills the projection.
    const offerId = uuidv7()
    await publishTestEvent(env.host, CatalogueEvents.OperatorOfferChanged, offerId, {
      offerId,
      operatorId,
      toolSlug: 'vaultwarden',
      description: 'Hébergé par le syndicat',
      url: null,
      active: true,
    })
    await waitFor(
      async () => (await db.selectFrom('operator_offers').select('tool_slug').execute()).length === 1,
    )
  })
  afterAll(async () => {
    await env?.close()
  })

  async function submitted(operator: string | null) {
    const org = await createOrganisation(env, { operatorId: operator, departement: '23' })
    const token = await memberToken(env, org.organisationId)
    const id = (
      await env.host.app.inject({
        method: 'POST',
        url: '/v1/diagnostics',
        headers: bearer(token),
        payload: { organisationId: org.organisationId },
      })
    ).json().id
    await env.host.app.inject({
      method: 'PATCH',
      url: `/v1/diagnostics/${id}/answers`,
      headers: bearer(token),
      payload: patchBody(
        v1,
        completeAnswers(v1, (q) => ({ 'security.passwords': 'written-down', 'agenda.online': 'no' })[q]),
      ),
    })
    const res = await env.host.app.inject({
      method: 'POST',
      url: `/v1/diagnostics/${id}/submit`,
      headers: bearer(token),
    })
    expect(res.statusCode).toBe(200)
    const r = res.json()
    return (ruleId: string) =>
      [...r.priorities, ...r.annex].find((m: { ruleId: string }) => m.ruleId === ruleId)
  }

  it('names the tools, drops an archived one, links resources, and says what the syndicate offers', async () => {
    const measure = await submitted(operatorId)
    const passwords = measure('adopt-password-manager')
    expect(passwords.tools).toEqual([
      { slug: 'keepassxc', name: 'KeePassXC' },
      { slug: 'vaultwarden', name: 'Vaultwarden' },
    ])
    expect(passwords.resources).toEqual([
      { slug: 'guide-mots-de-passe', title: 'Bien choisir ses mots de passe' },
    ])
    expect(passwords.operatorOffer).toEqual({
      operatorId,
      operatorName: 'Syndicat du Limousin numérique',
      tools: [{ slug: 'vaultwarden', name: 'Vaultwarden' }],
      text: 'Votre syndicat, Syndicat du Limousin numérique, propose : Vaultwarden.',
    })
    // Nothing offered for agendas: nothing said.
    expect(measure('adopt-online-agenda').operatorOffer).toBeNull()
    expect(measure('adopt-online-agenda').nationalIndicator).toMatchObject({
      id: 'agenda.online',
      value: 46,
      sentence: '46\u00a0% des répondants utilisent un agenda nominatif en ligne ; vous pas encore.',
    })
  })

  it('says nothing about a syndicate when the collectivité has none', async () => {
    const measure = await submitted(null)
    expect(measure('adopt-password-manager').operatorOffer).toBeNull()
  })
})
