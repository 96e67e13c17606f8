import type { MatchKind } from './vocabulary.js'

/** An advisor as the projection knows them. `isAdvisor` is null while only an assignment is known. */
export interface KnownAdvisor {
  advisorId: string
  operatorId: string | null
  isAdvisor: boolean | null
}

/** One advisor assignment, with the collectivité it targets. */
export interface KnownAssignment {
  advisorId: string
  organisationId: string
  /** Département and operator of the assigned collectivité (from the organisation projection). */
  departement: string | null
  operatorId: string | null
}

export interface MatchInput {
  organisation: { organisationId: string; operatorId: string | null; departement: string | null }
  operator: { operatorId: string; coordinatorId: string | null } | null
  advisors: KnownAdvisor[]
  assignments: KnownAssignment[]
}

export interface Match {
  via: MatchKind
  advisorIds: string[]
}

/**
 * Who should answer a collectivité's support request. Pure: the caller loads the projections.
 *
 * Only advisors of the collectivité's own operator are eligible, whatever the assignments say:
 * 1. the advisors assigned to this collectivité;
 * 2. else the advisors assigned to other collectivités of the same operator in the same département
 *    (identity does not publish a per-advisor coverage, so assignments are the coverage);
 * 3. else the operator's coordinator;
 * 4. else nobody (the request waits, visible to the operator's advisors and admins).
 */
export function matchAdvisors(input: MatchInput): Match {
  const { organisation, operator } = input
  const operatorId = organisation.operatorId
  if (!operatorId) return { via: 'none', advisorIds: [] }
  const known = new Map(input.advisors.map((a) => [a.advisorId, a]))
  const eligible = (advisorId: string) => {
    const a = known.get(advisorId)
    return a !== undefined && a.operatorId === operatorId && a.isAdvisor !== false
  }
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort()

  const own = input.assignments
    .filter((a) => a.organisationId === organisation.organisationId && eligible(a.advisorId))
    .map((a) => a.advisorId)
  if (own.length) return { via: 'assigned', advisorIds: sorted(own) }

  if (organisation.departement) {
    const sameDepartement = input.assignments
      .filter(
        (a) =>
          a.organisationId !== organisation.organisationId &&
          a.departement === organisation.departement &&
          a.operatorId === operatorId &&
          eligible(a.advisorId),
      )
      .map((a) => a.advisorId)
    if (sameDepartement.length) return { via: 'departement', advisorIds: sorted(sameDepartement) }
  }

  if (operator && operator.operatorId === operatorId && operator.coordinatorId)
    return { via: 'coordinator', advisorIds: [operator.coordinatorId] }
  return { via: 'none', advisorIds: [] }
}
