/**
 * Helpers shared by this service's tests (not used at run time).
 */
import { IdentityEvents } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import type { Host, ServiceModule } from '@osinum/service-kit'
import {
  createTestHost,
  openTestDatabase,
  openTestTransport,
  publishTestEvent,
  testKeys,
  waitFor,
} from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Questionnaire } from './domain/questionnaire.js'
import { visibility } from './domain/questionnaire.js'
import { diagnosticsService } from './service.js'

export interface TestService {
  host: Host
  database: DatabaseHandle
  transport: EventTransport
  keys: Awaited<ReturnType<typeof testKeys>>
  schema: string
  close(): Promise<void>
}

export async function startTestService(
  options: {
    module?: ServiceModule
    env?: Record<string, string>
    database?: DatabaseHandle
    schema?: string
    keys?: TestService['keys']
  } = {},
): Promise<TestService> {
  const database = options.database ?? openTestDatabase()
  const transport = await openTestTransport()
  const keys = options.keys ?? (await testKeys())
  const schema = options.schema ?? uniqueName('diagnostics')
  const host = await createTestHost({
    modules: [options.module ?? diagnosticsService],
    schemas: { diagnostics: schema },
    database,
    transport,
    env: {
      EVENTS_NAMESPACE: uniqueName('t'),
      PANORAMA_REFRESH_SECONDS: '0',
      PANORAMA_RELEASE_INTERVAL_SECONDS: '0',
      REMINDERS_INTERVAL_MS: '0',
      ...options.env,
    },
    getKey: keys.getKey,
  })
  return {
    host,
    database,
    transport,
    keys,
    schema,
    async close() {
      await host.close()
      await transport.close()
      if (!options.database) await database.close()
    },
  }
}

/** A collectivité known to the service (as identity would announce it). */
export async function createOrganisation(
  env: TestService,
  overrides: Partial<{
    name: string
    populationBracket: 'under-500' | '500-999' | '1000-4999' | '5000-19999' | '20000-plus' | null
    departement: string | null
    region: string | null
    operatorId: string | null
    verification: 'pending' | 'verified'
  }> = {},
) {
  const organisationId = uuidv7()
  const data = {
    organisationId,
    kind: 'commune' as const,
    officialCode: String(Math.floor(Math.random() * 90000) + 10000),
    name: overrides.name ?? `Commune ${organisationId.slice(-4)}`,
    population: 640,
    populationBracket:
      overrides.populationBracket === undefined ? ('500-999' as const) : overrides.populationBracket,
    departement: overrides.departement === undefined ? '24' : overrides.departement,
    region: overrides.region === undefined ? 'Nouvelle-Aquitaine' : overrides.region,
    epci: null,
    operatorId: overrides.operatorId ?? null,
    verification: overrides.verification ?? ('verified' as const),
  }
  await publishTestEvent(env.host, IdentityEvents.OrganisationCreated, organisationId, data)
  await waitFor(async () =>
    env.host.database.db
      .withSchema(env.schema)
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst(),
  )
  return data
}

/** An access token for a member (élu by default) of `organisationId`. */
export function memberToken(
  env: TestService,
  organisationId: string,
  role: 'elected' | 'agent' = 'elected',
  sub = uuidv7(),
) {
  return env.keys.token({ sub, orgs: [{ id: organisationId, role, ref: true }] })
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/**
 * Complete answers for a questionnaire: `pick` chooses the option for each question (default:
 * the best-scored option), following conditions so that only visible questions are answered.
 */
export function completeAnswers(
  questionnaire: Questionnaire,
  pick: (questionId: string) => string | string[] | undefined = () => undefined,
): Record<string, string[]> {
  const answers: Record<string, string[]> = {}
  for (const q of questionnaire.questions) {
    const visible = visibility(questionnaire, answers)
    if (!visible.get(q.id)) continue
    const chosen = pick(q.id)
    if (chosen !== undefined) answers[q.id] = Array.isArray(chosen) ? chosen : [chosen]
    else {
      const best = [...q.options].filter((o) => !o.exclusive).sort((a, b) => b.score - a.score)[0]!
      answers[q.id] = [best.id]
    }
  }
  return answers
}

/** The body of PATCH /answers for a map of answers. */
export function patchBody(questionnaire: Questionnaire, answers: Record<string, string[]>) {
  return {
    answers: Object.fromEntries(
      Object.entries(answers).map(([k, v]) => [k, questionnaire.byId.get(k)?.type === 'single' ? v[0]! : v]),
    ),
  }
}

/** Raw SQL helper on the test schema. */
export function tableOf(env: TestService, table: string) {
  return sql.table(`${env.schema}.${table}`)
}

/** Starts, answers (complete answers, `pick` as for completeAnswers) and submits a diagnostic as a member. */
export async function submitDiagnostic(
  env: TestService,
  questionnaire: Questionnaire,
  organisationId: string,
  token: string,
  pick?: (questionId: string) => string | string[] | undefined,
): Promise<string> {
  const started = await env.host.app.inject({
    method: 'POST',
    url: '/v1/diagnostics',
    headers: bearer(token),
    payload: { organisationId },
  })
  const id = started.json().id as string
  await env.host.app.inject({
    method: 'PATCH',
    url: `/v1/diagnostics/${id}/answers`,
    headers: bearer(token),
    payload: patchBody(questionnaire, completeAnswers(questionnaire, pick)),
  })
  const submitted = await env.host.app.inject({
    method: 'POST',
    url: `/v1/diagnostics/${id}/submit`,
    headers: bearer(token),
  })
  if (submitted.statusCode !== 200)
    throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`)
  return id
}
