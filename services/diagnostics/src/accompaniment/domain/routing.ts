import { sql } from 'kysely'
import type { Db } from './db.js'
import {
  type KnownAdvisor,
  type KnownAssignment,
  type Match,
  type MatchInput,
  matchAdvisors,
} from './matching.js'

export interface OrganisationInfo {
  organisationId: string
  name: string
  departement: string | null
  populationBracket: string | null
  /** The collectivité's operator, or the only operator covering its département. */
  operatorId: string | null
}

/**
 * A collectivité as the identity projection knows it. When identity gives it no operator, it
 * belongs to the operator of its département (when exactly one covers it).
 */
export async function organisationInfo(db: Db, organisationId: string): Promise<OrganisationInfo | null> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'departement', 'population_bracket', 'operator_id'])
    .where('id', '=', organisationId)
    .executeTakeFirst()
  if (!org) return null
  let operatorId = org.operator_id
  if (!operatorId && org.departement) {
    const covering = await db
      .selectFrom('operators')
      .select('id')
      .where(sql<boolean>`departements @> ${JSON.stringify([org.departement])}::jsonb`)
      .limit(2)
      .execute()
    if (covering.length === 1) operatorId = covering[0]!.id
  }
  return {
    organisationId: org.id,
    name: org.name,
    departement: org.departement,
    populationBracket: org.population_bracket,
    operatorId,
  }
}

/** Loads what matching needs for one collectivité from the identity projections. */
export async function loadMatchInput(db: Db, org: OrganisationInfo): Promise<MatchInput> {
  const operator = org.operatorId
    ? await db
        .selectFrom('operators')
        .select(['id', 'coordinator_id'])
        .where('id', '=', org.operatorId)
        .executeTakeFirst()
    : undefined
  const rows = await db
    .selectFrom('advisor_assignments as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'a.advisor_id',
      'a.organisation_id',
      'a.operator_id as assignment_operator_id',
      'o.departement',
      'o.operator_id',
    ])
    .where('a.active', '=', true)
    .where((eb) => {
      const own = eb('a.organisation_id', '=', org.organisationId)
      return org.departement && org.operatorId
        ? eb.or([
            own,
            eb.and([eb('o.departement', '=', org.departement), eb('o.operator_id', '=', org.operatorId)]),
          ])
        : own
    })
    .execute()
  const assignments: KnownAssignment[] = rows.map((r) => ({
    advisorId: r.advisor_id,
    organisationId: r.organisation_id,
    departement: r.departement,
    // The collectivité being routed may have its operator from its département (see organisationInfo).
    operatorId: r.organisation_id === org.organisationId ? org.operatorId : r.operator_id,
  }))
  const ids = [...new Set(assignments.map((a) => a.advisorId))]
  const users = ids.length
    ? await db
        .selectFrom('users')
        .select(['id', 'platform_roles', 'operator_id'])
        .where('id', 'in', ids)
        .execute()
    : []
  const byId = new Map(users.map((u) => [u.id, u]))
  const advisors: KnownAdvisor[] = ids.map((id) => {
    const user = byId.get(id)
    if (user)
      return {
        advisorId: id,
        operatorId: user.operator_id,
        isAdvisor: roles(user.platform_roles).includes('advisor'),
      }
    // Only the assignment is known yet: trust the operator it names.
    const a = rows.find((r) => r.advisor_id === id)!
    return { advisorId: id, operatorId: a.assignment_operator_id, isAdvisor: null }
  })
  return {
    organisation: {
      organisationId: org.organisationId,
      operatorId: org.operatorId,
      departement: org.departement,
    },
    operator: operator ? { operatorId: operator.id, coordinatorId: operator.coordinator_id } : null,
    advisors,
    assignments,
  }
}

export function roles(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[]
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value)
      return Array.isArray(parsed) ? parsed : []
    } catch {
      return []
    }
  }
  return []
}

export async function routeRequest(db: Db, org: OrganisationInfo): Promise<Match> {
  return matchAdvisors(await loadMatchInput(db, org))
}

/**
 * May `userId` be given a request of `operatorId`: an advisor of that operator (identity's
 * projection) or its coordinator.
 */
export async function isEligibleAdvisor(db: Db, userId: string, operatorId: string | null): Promise<boolean> {
  if (!operatorId) return false
  const operator = await db
    .selectFrom('operators')
    .select('coordinator_id')
    .where('id', '=', operatorId)
    .executeTakeFirst()
  if (operator?.coordinator_id === userId) return true
  const user = await db
    .selectFrom('users')
    .select(['platform_roles', 'operator_id'])
    .where('id', '=', userId)
    .executeTakeFirst()
  return !!user && user.operator_id === operatorId && roles(user.platform_roles).includes('advisor')
}
