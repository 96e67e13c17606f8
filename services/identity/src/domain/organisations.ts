import {
  IdentityEvents,
  type MembershipRole,
  type OrganisationKind,
  populationBracket,
} from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { FieldsError, Forbidden, NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { type Actor, administeredOperator } from './actor.js'
import { audit } from './audit.js'
import type { Ctx } from './context.js'
import { type Db, json, type Organisation } from './db.js'
import { ClaimPending, LastReferent, OrganisationExists } from './errors.js'
import { type OfficialFacts, officialData } from './official-data.js'
import { recordRevocation } from './revocations.js'
import { speaksForOperator } from './speaks-for.js'

export const organisationSnapshot = (o: Organisation) => ({
  organisationId: o.id,
  kind: o.kind,
  officialCode: o.official_code,
  name: o.name,
  population: o.population,
  populationBracket: o.population_bracket,
  departement: o.departement,
  region: o.region,
  epci: o.epci,
  operatorId: o.operator_id,
  departementName: o.departement_name,
  regionName: o.region_name,
  epciName: o.epci_name,
  verification: o.verification,
})

/** The operator covering a département (the oldest, when several do). */
export async function operatorCovering(db: Db, departement: string | null): Promise<string | null> {
  if (!departement) return null
  const row = await db
    .selectFrom('operators')
    .select('id')
    .where(sql<boolean>`departements @> ${JSON.stringify([departement])}::jsonb`)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** SIREN: 9 digits with a Luhn check digit. */
export function isValidSiren(code: string): boolean {
  if (!/^\d{9}$/.test(code)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let d = Number(code[8 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export interface CreateOrganisationInput {
  kind: OrganisationKind
  officialCode: string
  /** Syndicats only (no official dataset). */
  name?: string | undefined
  departement?: string | undefined
  /** The creator's role in it. */
  role: MembershipRole
}

export type OrganisationFacts = Omit<OfficialFacts, 'kind' | 'officialCode' | 'siren'>

/**
 * The facts of a collectivité from the official data (name, population, département, région,
 * EPCI), or, for a syndicat (no official dataset; admins only), its SIREN and name as given.
 */
export async function organisationFacts(
  actor: Actor,
  input: CreateOrganisationInput,
): Promise<{ code: string; facts: OrganisationFacts }> {
  const code = input.officialCode.trim().toUpperCase()
  if (input.kind === 'syndicat') {
    // No official dataset for syndicats: the platform admin registers them with their SIREN and name.
    if (!actor.isPlatformAdmin) throw new Forbidden()
    const errors: Array<{ field: string; message: string }> = []
    if (!isValidSiren(code))
      errors.push({ field: 'officialCode', message: 'must be a valid SIREN (9 digits)' })
    if (!input.name?.trim()) errors.push({ field: 'name', message: 'is required for a syndicat' })
    const data = await officialData()
    const dep = input.departement ? data.get('departement', input.departement) : undefined
    if (input.departement && !dep) errors.push({ field: 'departement', message: 'unknown département code' })
    if (errors.length) throw new FieldsError(errors)
    return {
      code,
      facts: {
        name: input.name!.trim(),
        population: null,
        departement: dep?.officialCode ?? null,
        departementName: dep?.name ?? null,
        region: dep?.region ?? null,
        regionName: dep?.regionName ?? null,
        epci: null,
        epciName: null,
        postcodes: [],
      },
    }
  }
  const found = (await officialData()).get(input.kind, code)
  if (!found)
    throw new FieldsError([
      {
        field: 'officialCode',
        message: `no ${input.kind} has the official code "${code}" in the official data`,
      },
    ])
  return { code, facts: found }
}

export async function findOrganisation(
  db: Db,
  kind: OrganisationKind,
  code: string,
): Promise<Organisation | undefined> {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('kind', '=', kind)
    .where('official_code', '=', code)
    .executeTakeFirst()
}

/** Inserts a collectivité (pending unless `verified`) and records OrganisationCreated, in `trx`. */
export async function insertOrganisation(
  trx: Db,
  actorId: string | null,
  kind: OrganisationKind,
  code: string,
  facts: OrganisationFacts,
  options: { id?: string | undefined; verified: boolean },
): Promise<Organisation> {
  const now = new Date()
  const org = await trx
    .insertInto('organisations')
    .values({
      id: options.id ?? uuidv7(),
      kind,
      official_code: code,
      name: facts.name,
      population: facts.population,
      population_bracket: facts.population === null ? null : populationBracket(facts.population),
      departement: facts.departement,
      departement_name: facts.departementName,
      region: facts.region,
      region_name: facts.regionName,
      epci: facts.epci,
      epci_name: facts.epciName,
      postcodes: json(facts.postcodes),
      operator_id: await operatorCovering(trx, facts.departement),
      advisor_consent_at: null,
      advisor_consent_by: null,
      created_by: actorId,
      verification: options.verified ? 'verified' : 'pending',
      verified_at: options.verified ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordEvent(trx, IdentityEvents.OrganisationCreated, org.id, organisationSnapshot(org))
  await audit(trx, {
    actorId,
    action: 'organisation.created',
    targetType: 'organisation',
    targetId: org.id,
  })
  return org
}

/**
 * Registers a syndicat (admins: no official dataset, so it is verified by whoever registers it);
 * the admin becomes its referent. Collectivités with official data are claimed instead
 * (`claimOrganisation` in claims.ts): their first claimant is not their referent until verified.
 */
export async function createOrganisation(
  ctx: Ctx,
  actor: Actor,
  input: CreateOrganisationInput,
  options: { id?: string } = {},
): Promise<Organisation> {
  if (input.kind !== 'syndicat') throw new Error('createOrganisation registers syndicats only')
  const { code, facts } = await organisationFacts(actor, input)
  const existing = await findOrganisation(ctx.db, input.kind, code)
  if (existing) throw new OrganisationExists(existing.id)
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const org = await insertOrganisation(trx, actor.user.id, input.kind, code, facts, {
        id: options.id,
        verified: true,
      })
      await grantMembership(trx, actor.user.id, {
        organisationId: org.id,
        userId: actor.user.id,
        role: input.role,
        referent: true,
      })
      return org
    })
  } catch (error) {
    if (isUniqueViolation(error))
      throw new OrganisationExists((await findOrganisation(ctx.db, input.kind, code))?.id ?? '?')
    throw error
  }
}

export async function grantMembership(
  trx: Db,
  actorId: string | null,
  m: { organisationId: string; userId: string; role: MembershipRole; referent: boolean },
): Promise<void> {
  await trx
    .insertInto('memberships')
    .values({ organisation_id: m.organisationId, user_id: m.userId, role: m.role, referent: m.referent })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role: m.role, referent: m.referent }),
    )
    .execute()
  await recordEvent(trx, IdentityEvents.MembershipGranted, m.organisationId, m)
  await audit(trx, {
    actorId,
    action: 'membership.granted',
    targetType: 'organisation',
    targetId: m.organisationId,
    data: { userId: m.userId, role: m.role, referent: m.referent },
  })
}

async function loadOrganisation(db: Db, id: string): Promise<Organisation> {
  const org = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
  if (!org) throw new NotFound('Organisation')
  return org
}

async function isAssigned(db: Db, organisationId: string, advisorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('advisor_assignments')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('advisor_id', '=', advisorId)
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * Who may see a collectivité's details and members: its members, advisors assigned to it, the
 * coordinator and the administrators of its operator, the platform admin. Everyone else gets a
 * 404 (its existence is not told).
 */
export async function visibleOrganisation(db: Db, actor: Actor, id: string): Promise<Organisation> {
  const org = await loadOrganisation(db, id)
  if (
    actor.administers(org.operator_id) ||
    actor.memberships.has(id) ||
    speaksForOperator(actor, org) ||
    (actor.hasRole('advisor') && (await isAssigned(db, id, actor.user.id)))
  )
    return org
  throw new NotFound('Organisation')
}

/**
 * A collectivité the actor manages: its referents and whoever administers its operator — and, for
 * removing members (squatters of a collectivité, someone verified by mistake), its syndicate's
 * coordinator too. Others who can see it get 403.
 */
async function managedOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  options: { bySyndicate?: boolean } = {},
): Promise<Organisation> {
  const org = await visibleOrganisation(db, actor, id)
  if (actor.administers(org.operator_id) || actor.memberships.get(id)?.referent) return org
  if (options.bySyndicate && speaksForOperator(actor, org)) return org
  throw new Forbidden()
}

export interface OrganisationFilter {
  q?: string | undefined
  kind?: OrganisationKind | undefined
  departement?: string | undefined
  operatorId?: string | undefined
  verification?: Organisation['verification'] | undefined
  limit: number
  offset: number
}

export async function listOrganisations(db: Db, actor: Actor, f: OrganisationFilter) {
  let q = db.selectFrom('organisations')
  if (!actor.isPlatformAdmin) {
    const member = [...actor.memberships.keys()]
    const administered = administeredOperator(actor)
    const coordinated = [...actor.coordinates, ...(administered ? [administered] : [])]
    q = q.where((eb) =>
      eb.or([
        ...(member.length ? [eb('id', 'in', member)] : []),
        ...(coordinated.length ? [eb('operator_id', 'in', coordinated)] : []),
        eb(
          'id',
          'in',
          eb
            .selectFrom('advisor_assignments')
            .select('organisation_id')
            .where('advisor_id', '=', actor.user.id),
        ),
      ]),
    )
  }
  if (f.q)
    q = q.where(
      sql<boolean>`(public.osinum_unaccent(lower(name)) like public.osinum_unaccent(lower(${`%${f.q}%`})) or official_code = ${f.q.trim().toUpperCase()})`,
    )
  if (f.kind) q = q.where('kind', '=', f.kind)
  if (f.departement) q = q.where('departement', '=', f.departement)
  if (f.operatorId) q = q.where('operator_id', '=', f.operatorId)
  if (f.verification) q = q.where('verification', '=', f.verification)
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}

export async function getOrganisation(ctx: Ctx, actor: Actor, id: string): Promise<Organisation> {
  return visibleOrganisation(ctx.db, actor, id)
}

/** Platform-admin changes: the operator it is attached to (adhesion to another one), a syndicat's name. */
export async function updateOrganisation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: { operatorId?: string | null | undefined; name?: string | undefined },
): Promise<Organisation> {
  const org = await managedOrganisation(ctx.db, actor, id)
  if (!actor.isPlatformAdmin) throw new Forbidden()
  const errors: Array<{ field: string; message: string }> = []
  if (patch.operatorId) {
    const op = await ctx.db
      .selectFrom('operators')
      .select('id')
      .where('id', '=', patch.operatorId)
      .executeTakeFirst()
    if (!op) errors.push({ field: 'operatorId', message: 'unknown operator' })
  }
  if (patch.name !== undefined && org.kind !== 'syndicat')
    errors.push({ field: 'name', message: 'the name of a collectivité comes from the official data' })
  if (errors.length) throw new FieldsError(errors)
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('organisations')
      .set({
        ...(patch.operatorId !== undefined ? { operator_id: patch.operatorId } : {}),
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvent(trx, IdentityEvents.OrganisationUpdated, id, organisationSnapshot(updated))
    await audit(trx, {
      actorId: actor.user.id,
      action: 'organisation.updated',
      targetType: 'organisation',
      targetId: id,
      data: { operatorId: updated.operator_id, previousOperatorId: org.operator_id },
    })
    return updated
  })
}

/** The collectivité lets its assigned advisors see its diagnostics (or stops, at once). */
export async function setConsent(
  ctx: Ctx,
  actor: Actor,
  id: string,
  granted: boolean,
): Promise<Organisation> {
  const org = await visibleOrganisation(ctx.db, actor, id)
  if (!actor.memberships.get(id)?.referent) throw new Forbidden()
  if (Boolean(org.advisor_consent_at) === granted) return org
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('organisations')
      .set(
        granted
          ? { advisor_consent_at: new Date(), advisor_consent_by: actor.user.id, updated_at: new Date() }
          : { advisor_consent_at: null, advisor_consent_by: null, updated_at: new Date() },
      )
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvent(trx, granted ? IdentityEvents.ConsentGranted : IdentityEvents.ConsentRevoked, id, {
      organisationId: id,
      byUserId: actor.user.id,
    })
    await audit(trx, {
      actorId: actor.user.id,
      action: granted ? 'consent.granted' : 'consent.revoked',
      targetType: 'organisation',
      targetId: id,
    })
    return updated
  })
}

export async function listMembers(
  ctx: Ctx,
  actor: Actor,
  id: string,
  page: { limit: number; offset: number },
) {
  const org = await visibleOrganisation(ctx.db, actor, id)
  const q = ctx.db.selectFrom('memberships').where('organisation_id', '=', id)
  const [items, count] = await Promise.all([
    q
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'memberships.user_id',
        'memberships.role',
        'memberships.referent',
        'memberships.created_at',
        'users.email',
        'users.display_name',
        'users.job_title',
      ])
      .orderBy('memberships.created_at')
      .orderBy('memberships.user_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n), verification: org.verification }
}

async function otherReferents(db: Db, organisationId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('referent', '=', true)
    .where('user_id', '!=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A referent (or an admin) changes a member's role or makes them referent. */
export async function updateMember(
  ctx: Ctx,
  actor: Actor,
  organisationId: string,
  userId: string,
  patch: { role?: MembershipRole | undefined; referent?: boolean | undefined },
) {
  const org = await managedOrganisation(ctx.db, actor, organisationId)
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('memberships')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!current) throw new NotFound('Membership')
    const next = { role: patch.role ?? current.role, referent: patch.referent ?? current.referent }
    // Handing over the referent role: only to a verified member (of a verified collectivité).
    if (next.referent && !current.referent && org.verification !== 'verified') throw new ClaimPending()
    if (current.referent && !next.referent && (await otherReferents(trx, organisationId, userId)) === 0)
      throw new LastReferent()
    await grantMembership(trx, actor.user.id, { organisationId, userId, ...next })
    if (next.role !== current.role || next.referent !== current.referent)
      await recordRevocation(trx, { userId, issuedBefore: new Date(), reason: 'membership-changed' })
    return { ...current, ...next }
  })
}

/** Removes a member: by a referent, an admin, its syndicate (squatters), or the member themself (leaving). */
export async function removeMember(
  ctx: Ctx,
  actor: Actor,
  organisationId: string,
  userId: string,
): Promise<void> {
  const bySyndicate = userId !== actor.user.id
  if (bySyndicate) await managedOrganisation(ctx.db, actor, organisationId, { bySyndicate: true })
  else await visibleOrganisation(ctx.db, actor, organisationId)
  // Removing someone else without being a referent is acting as the syndicate (or the platform admin).
  const syndicateOnly = bySyndicate && !actor.memberships.get(organisationId)?.referent
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('memberships')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!current) throw new NotFound('Membership')
    // The syndicate removes a squatter even when they are the only referent (a claim decides the next one).
    if (!syndicateOnly && current.referent && (await otherReferents(trx, organisationId, userId)) === 0) {
      const others = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('organisation_id', '=', organisationId)
        .where('user_id', '!=', userId)
        .executeTakeFirst()
      if (others) throw new LastReferent()
    }
    await revokeMembership(trx, actor.user.id, organisationId, userId)
  })
}

export async function revokeMembership(
  trx: Db,
  actorId: string | null,
  organisationId: string,
  userId: string,
) {
  await trx
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute()
  await recordEvent(trx, IdentityEvents.MembershipRevoked, organisationId, { organisationId, userId })
  await recordRevocation(trx, { userId, issuedBefore: new Date(), reason: 'membership-revoked' })
  await audit(trx, {
    actorId,
    action: 'membership.revoked',
    targetType: 'organisation',
    targetId: organisationId,
    data: { userId },
  })
}
