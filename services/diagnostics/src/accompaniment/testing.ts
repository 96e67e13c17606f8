/**
 * Test helpers of the accompaniment (not a test file): the whole diagnostics service on a test host,
 * identity events as identity would publish them, and submitted diagnostics made through the
 * core's own use-cases.
 */
import {
  type EventContract,
  type EventData,
  IdentityEvents,
  type MembershipRole,
  type PlatformRole,
} from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import { type Host, principalFromClaims } from '@osinum/service-kit'
import {
  createTestHost,
  openTestDatabase,
  openTestTransport,
  publishTestEvent,
  testKeys,
  waitFor,
} from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import { saveAnswers, startDiagnostic, submitDiagnostic } from '../domain/diagnostics.js'
import { type Answers, type Questionnaire, visibility } from '../domain/questionnaire.js'
import { defaultReferential } from '../domain/referential.js'
import { diagnosticsService } from '../service.js'
import type { AccDb } from './domain/db.js'

/** Setting a world up runs the migrations and replays identity events: slow on PGlite on a busy machine. */
export const SETUP_TIMEOUT = 300_000

export type Keys = Awaited<ReturnType<typeof testKeys>>

export interface TestService {
  host: Host
  keys: Keys
  db: AccDb
  database: DatabaseHandle
  transport: EventTransport
  close(): Promise<void>
}

export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const database = openTestDatabase()
  const transport = await openTestTransport()
  const keys = await testKeys()
  const host = await createTestHost({
    modules: [diagnosticsService],
    schemas: { diagnostics: uniqueName('diag') },
    database,
    transport,
    env: { EVENTS_NAMESPACE: uniqueName('t'), REMINDERS_INTERVAL_MS: '0', ...env },
    getKey: keys.getKey,
  })
  const db = host.services.get('diagnostics')!.deps.db as AccDb
  return {
    host,
    keys,
    db,
    database,
    transport,
    async close() {
      await host?.close()
      await transport?.close()
      await database?.close()
    },
  }
}

/** Publishes an identity event and waits until the diagnostics projection has applied it. */
async function publish<E extends EventContract>(
  world: TestService,
  contract: E,
  aggregateId: string,
  data: EventData<E>,
  applied: () => Promise<unknown>,
) {
  await publishTestEvent(world.host, contract, aggregateId, data)
  await waitFor(applied)
}

/** Identity, as seen through its events. */
export function identity(world: TestService) {
  const { db } = world
  return {
    async operator(operatorId: string, departements: string[], coordinatorId: string | null = null) {
      const data = { operatorId, name: `Syndicat ${operatorId.slice(-4)}`, departements, coordinatorId }
      await publish(world, IdentityEvents.OperatorCreated, operatorId, data, async () =>
        db
          .selectFrom('operators')
          .select('id')
          .where('id', '=', operatorId)
          .where('coordinator_id', 'is not distinct from', coordinatorId)
          .executeTakeFirst(),
      )
    },
    async organisation(
      organisationId: string,
      o: {
        operatorId: string | null
        departement: string | null
        population?: number
        name?: string
        verified?: boolean
      },
    ) {
      const population = o.population ?? 800
      const bracket = population < 500 ? 'under-500' : population < 1000 ? '500-999' : '1000-4999'
      const data = {
        organisationId,
        kind: 'commune' as const,
        officialCode: `${o.departement ?? '00'}${organisationId.slice(-3)}`,
        name: o.name ?? `Commune ${organisationId.slice(-4)}`,
        population,
        populationBracket: bracket as 'under-500',
        departement: o.departement,
        region: null,
        epci: null,
        operatorId: o.operatorId,
        verification: o.verified === false ? ('pending' as const) : ('verified' as const),
      }
      await publish(world, IdentityEvents.OrganisationCreated, organisationId, data, async () =>
        db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst(),
      )
    },
    async user(userId: string, roles: PlatformRole[], operatorId: string | null) {
      const data = {
        userId,
        email: `${userId}@example.test`,
        displayName: `Personne ${userId.slice(-4)}`,
        platformRoles: roles,
        operatorId,
      }
      await publish(world, IdentityEvents.UserRegistered, userId, data, async () =>
        db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(),
      )
    },
    async member(organisationId: string, userId: string, role: MembershipRole = 'elected') {
      await publish(
        world,
        IdentityEvents.MembershipGranted,
        organisationId,
        { organisationId, userId, role, referent: true },
        async () =>
          db
            .selectFrom('memberships')
            .select('user_id')
            .where('organisation_id', '=', organisationId)
            .where('user_id', '=', userId)
            .where('active', '=', true)
            .executeTakeFirst(),
      )
    },
    async assign(organisationId: string, advisorId: string, operatorId: string | null) {
      await publish(
        world,
        IdentityEvents.AdvisorAssigned,
        organisationId,
        { organisationId, advisorId, operatorId },
        async () =>
          db
            .selectFrom('advisor_assignments')
            .select('advisor_id')
            .where('organisation_id', '=', organisationId)
            .where('advisor_id', '=', advisorId)
            .where('active', '=', true)
            .executeTakeFirst(),
      )
    },
    async consent(organisationId: string, byUserId: string, granted: boolean) {
      await publish(
        world,
        granted ? IdentityEvents.ConsentGranted : IdentityEvents.ConsentRevoked,
        organisationId,
        { organisationId, byUserId },
        async () =>
          db
            .selectFrom('consents')
            .select('granted')
            .where('organisation_id', '=', organisationId)
            .where('granted', '=', granted)
            .executeTakeFirst(),
      )
    },
  }
}

/** Tokens shaped like identity's. */
export function tokens(keys: Keys) {
  return {
    member: (userId: string, organisationId: string, role: MembershipRole = 'elected') =>
      keys.token({ sub: userId, orgs: [{ id: organisationId, role, ref: true }] }),
    advisor: (userId: string, operatorId: string | null) =>
      keys.token({ sub: userId, roles: ['advisor'], op: operatorId }),
    admin: (userId: string) => keys.token({ sub: userId, roles: ['admin'] }),
    nobody: (userId: string) => keys.token({ sub: userId }),
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

const ref = () => defaultReferential()

/**
 * Complete answers for the latest questionnaire: every visible question gets its lowest-scored
 * option (the weakest collectivité), unless `overrides` says otherwise.
 */
export function weakAnswers(overrides: Record<string, string[]> = {}): Record<string, string[]> {
  const questionnaire: Questionnaire = ref().latest
  const answers: Record<string, string[]> = {}
  for (const q of questionnaire.questions) {
    const visible = visibility(questionnaire, answers as Answers).get(q.id)
    if (!visible) continue
    if (overrides[q.id]) {
      answers[q.id] = overrides[q.id]!
      continue
    }
    const options = q.options.filter((o) => !o.exclusive)
    const lowest = [...options].sort((a, b) => a.score - b.score)[0]!
    answers[q.id] = [lowest.id]
  }
  return answers
}

/** Starts, answers and submits a diagnostic with the core's use-cases, as a member would. */
export async function submitDiagnosticFor(
  world: TestService,
  organisationId: string,
  userId: string,
  answers: Record<string, string[]> = weakAnswers(),
  now = new Date(),
) {
  const ctx = { db: world.db as never, referential: ref() }
  const principal = principalFromClaims({
    sub: userId,
    orgs: [{ id: organisationId, role: 'elected', ref: true }],
  })
  const { diagnostic } = await startDiagnostic(ctx, principal, organisationId)
  const patch = Object.fromEntries(
    Object.entries(answers).map(([k, v]) => [k, ref().latest.byId.get(k)?.type === 'single' ? v[0]! : v]),
  )
  await saveAnswers(ctx, principal, diagnostic.id, patch)
  const { result } = await submitDiagnostic(ctx, principal, diagnostic.id, now)
  return { diagnosticId: diagnostic.id, ruleIds: result.measures.map((m) => m.ruleId), result }
}

/** Deterministic UUIDs readable in failures: id(7, 1) → 00000007-…-000000000001. */
export const id = (group: number, n: number) =>
  `${group.toString(16).padStart(8, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`
