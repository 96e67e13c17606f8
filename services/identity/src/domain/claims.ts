import { IdentityEvents } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { Forbidden, NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from './actor.js'
import { audit } from './audit.js'
import type { Ctx } from './context.js'
import type { ClaimMethod, ClaimStatus, Db, MembershipClaim, Organisation } from './db.js'
import { AlreadyMember, ClaimDecided } from './errors.js'
import { officialData } from './official-data.js'
import {
  type CreateOrganisationInput,
  createOrganisation,
  findOrganisation,
  grantMembership,
  insertOrganisation,
  organisationFacts,
  organisationSnapshot,
  revokeMembership,
} from './organisations.js'
import { decidesClaimsOf, speaksForOperator } from './speaks-for.js'

/**
 * Who speaks for a collectivité. Registering one by its official code (or asking to join one
 * already registered) is a *claim*: the collectivité stays `pending` — usable by its first
 * claimant for itself, counted in no statistic, unable to invite or contact peers — until a claim
 * is verified, by
 *   (a) the claimant's ProConnect establishment: the `siret` the provider asserted belongs to the
 *       collectivité's SIREN (official data), at the claim or at the next OIDC login;
 *   (b) its syndicate: the operator's coordinator or administrators (or, with no operator, the
 *       platform admins) — and, once verified, its referents for later claims;
 *   (c) an invitation from a verified member (accepting it verifies a pending claim of the invitee).
 * Competing claims are never dead ends: they stay pending for the syndicate to decide; verifying
 * one makes its claimant the referent and removes the memberships other claimants held on the
 * still-pending collectivité (their claims stay pending); rejecting removes the claimant.
 */

/** People told of a claim on `org` (and who may decide it). */
export async function reviewersOf(db: Db, org: Organisation): Promise<string[]> {
  const ids = new Set<string>()
  if (org.operator_id) {
    const op = await db
      .selectFrom('operators')
      .select('coordinator_id')
      .where('id', '=', org.operator_id)
      .executeTakeFirst()
    if (op?.coordinator_id) ids.add(op.coordinator_id)
  }
  const admins = await db
    .selectFrom('users')
    .select(['id', 'operator_id'])
    .where('status', '=', 'active')
    .where(sql<boolean>`platform_roles @> '["admin"]'::jsonb`)
    .execute()
  for (const a of admins) if (org.operator_id && a.operator_id === org.operator_id) ids.add(a.id)
  // No syndicate to decide: the platform admins do.
  if (ids.size === 0) for (const a of admins) if (a.operator_id === null) ids.add(a.id)
  if (org.verification === 'verified') {
    const referents = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', org.id)
      .where('referent', '=', true)
      .execute()
    for (const r of referents) ids.add(r.user_id)
  }
  return [...ids].sort()
}

/** The SIREN of the collectivité itself: communes from the official INSEE↔SIREN table, EPCI and syndicats by their code. */
export async function sirenOf(org: Pick<Organisation, 'kind' | 'official_code'>): Promise<string | null> {
  if (org.kind === 'epci' || org.kind === 'syndicat') return org.official_code
  if (org.kind !== 'commune') return null
  return (await officialData()).get('commune', org.official_code)?.siren ?? null
}

/** SIRENs of the establishments the person's OpenID provider (ProConnect) asserted (SIRET = SIREN + NIC). */
async function establishmentSirens(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('user_identities')
    .select('siret')
    .where('user_id', '=', userId)
    .where('siret', 'is not', null)
    .execute()
  return new Set(rows.map((r) => r.siret!.slice(0, 9)))
}

const loadOrganisation = (db: Db, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

async function pendingClaimsOn(db: Db, organisationId: string, exceptId?: string): Promise<number> {
  let q = db
    .selectFrom('membership_claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'pending')
  if (exceptId) q = q.where('id', '!=', exceptId)
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/**
 * Records a decision on a pending claim in `trx`. Verifying it verifies a pending collectivité
 * (OrganisationUpdated), removes the memberships other claimants held there, and makes the
 * claimant a member — its referent when it has none. Rejecting it removes the claimant's
 * membership of a still-pending collectivité. Records ClaimDecided.
 */
export async function applyDecision(
  trx: Db,
  claim: MembershipClaim,
  decision: { status: 'verified' | 'rejected'; method: ClaimMethod | null; decidedBy: string | null },
  options: { role?: MembershipClaim['role']; reason?: string | null } = {},
): Promise<void> {
  const now = new Date()
  await trx
    .updateTable('membership_claims')
    .set({
      status: decision.status,
      method: decision.method,
      decided_by: decision.decidedBy,
      decided_at: now,
      reason: options.reason ?? null,
    })
    .where('id', '=', claim.id)
    .execute()
  let org = await loadOrganisation(trx, claim.organisation_id)
  const members = await trx
    .selectFrom('memberships')
    .select(['user_id', 'role', 'referent'])
    .where('organisation_id', '=', org.id)
    .execute()
  const own = members.find((m) => m.user_id === claim.user_id)
  if (decision.status === 'verified') {
    let others = members.filter((m) => m.user_id !== claim.user_id)
    if (org.verification === 'pending') {
      org = await trx
        .updateTable('organisations')
        .set({ verification: 'verified', verified_at: now, updated_at: now })
        .where('id', '=', org.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, IdentityEvents.OrganisationUpdated, org.id, organisationSnapshot(org))
      await audit(trx, {
        actorId: decision.decidedBy,
        action: 'organisation.verified',
        targetType: 'organisation',
        targetId: org.id,
        data: { claimId: claim.id, method: decision.method },
      })
      // Whoever else held it while it was unverified was only a claimant: out, their claim stays pending.
      for (const m of others) await revokeMembership(trx, decision.decidedBy, org.id, m.user_id)
      others = []
    }
    await grantMembership(trx, decision.decidedBy, {
      organisationId: org.id,
      userId: claim.user_id,
      role: options.role ?? own?.role ?? claim.role,
      referent: own?.referent === true || !others.some((m) => m.referent),
    })
  } else if (own && org.verification === 'pending') {
    await revokeMembership(trx, decision.decidedBy, org.id, claim.user_id)
  }
  await recordEvent(trx, IdentityEvents.ClaimDecided, claim.id, {
    claimId: claim.id,
    organisationId: org.id,
    organisationName: org.name,
    userId: claim.user_id,
    status: decision.status,
    method: decision.method,
    decidedBy: decision.decidedBy,
    reviewerIds: (await reviewersOf(trx, org)).filter((id) => id !== claim.user_id),
  })
  await audit(trx, {
    actorId: decision.decidedBy,
    action: 'claim.decided',
    targetType: 'organisation',
    targetId: org.id,
    data: { claimId: claim.id, userId: claim.user_id, status: decision.status, method: decision.method },
  })
}

export interface ClaimResult {
  organisation: Organisation
  claim: MembershipClaim | null
  /** The collectivité was registered by this call. */
  created: boolean
}

/**
 * `POST /v1/organisations`: registers a collectivité by its official code — or, if it is already
 * registered, asks to join it — as a pending claim (see the module comment). Syndicats (admins)
 * are registered verified.
 */
export async function claimOrganisation(
  ctx: Ctx,
  actor: Actor,
  input: CreateOrganisationInput,
  options: { id?: string } = {},
): Promise<ClaimResult> {
  if (input.kind === 'syndicat')
    return { organisation: await createOrganisation(ctx, actor, input, options), claim: null, created: true }
  const { code, facts } = await organisationFacts(actor, input)
  const sirens = await establishmentSirens(ctx.db, actor.user.id)
  const attempt = () =>
    ctx.db.transaction().execute(async (trx): Promise<ClaimResult> => {
      let org = await findOrganisation(trx, input.kind, code)
      const created = !org
      if (!org)
        org = await insertOrganisation(trx, actor.user.id, input.kind, code, facts, {
          id: options.id,
          verified: false,
        })
      else {
        const member = await trx
          .selectFrom('memberships')
          .select('user_id')
          .where('organisation_id', '=', org.id)
          .where('user_id', '=', actor.user.id)
          .executeTakeFirst()
        if (member) throw new AlreadyMember()
        const mine = await trx
          .selectFrom('membership_claims')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .where('user_id', '=', actor.user.id)
          .where('status', '=', 'pending')
          .executeTakeFirst()
        if (mine) return { organisation: org, claim: mine, created: false }
      }
      const claim = await trx
        .insertInto('membership_claims')
        .values({
          id: uuidv7(),
          organisation_id: org.id,
          user_id: actor.user.id,
          role: input.role,
          method: null,
          decided_by: null,
          decided_at: null,
          reason: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await audit(trx, {
        actorId: actor.user.id,
        action: 'claim.submitted',
        targetType: 'organisation',
        targetId: org.id,
        data: { claimId: claim.id, role: input.role },
      })
      const siren = await sirenOf(org)
      if (siren && sirens.has(siren)) {
        await applyDecision(trx, claim, { status: 'verified', method: 'oidc-siret', decidedBy: null })
      } else {
        // The first claimant of an unverified collectivité nobody holds uses it for itself meanwhile.
        const held = await trx
          .selectFrom('memberships')
          .select('user_id')
          .where('organisation_id', '=', org.id)
          .executeTakeFirst()
        if (org.verification === 'pending' && !held)
          await grantMembership(trx, actor.user.id, {
            organisationId: org.id,
            userId: actor.user.id,
            role: input.role,
            referent: false,
          })
        await recordEvent(trx, IdentityEvents.ClaimSubmitted, claim.id, {
          claimId: claim.id,
          organisationId: org.id,
          organisationName: org.name,
          userId: actor.user.id,
          role: input.role,
          operatorId: org.operator_id,
          reviewerIds: (await reviewersOf(trx, org)).filter((id) => id !== actor.user.id),
          competing: await pendingClaimsOn(trx, org.id, claim.id),
        })
      }
      return {
        organisation: await loadOrganisation(trx, org.id),
        claim: await trx
          .selectFrom('membership_claims')
          .selectAll()
          .where('id', '=', claim.id)
          .executeTakeFirstOrThrow(),
        created,
      }
    })
  try {
    return await attempt()
  } catch (error) {
    // Two first claims of the same collectivité at once: the second joins the one the first made.
    if (isUniqueViolation(error)) return attempt()
    throw error
  }
}

async function visibleClaim(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ claim: MembershipClaim; org: Organisation }> {
  const claim = await db.selectFrom('membership_claims').selectAll().where('id', '=', id).executeTakeFirst()
  if (!claim) throw new NotFound('Claim')
  const org = await loadOrganisation(db, claim.organisation_id)
  if (claim.user_id !== actor.user.id && !decidesClaimsOf(actor, org)) throw new NotFound('Claim')
  return { claim, org }
}

/** The syndicate (or a verified referent) verifies or rejects a pending claim. */
export async function decideClaim(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { decision: 'verify' | 'reject'; reason?: string | undefined },
): Promise<MembershipClaim> {
  const { claim, org } = await visibleClaim(ctx.db, actor, id)
  if (!decidesClaimsOf(actor, org)) throw new Forbidden()
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('membership_claims')
      .selectAll()
      .where('id', '=', claim.id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (current.status !== 'pending') throw new ClaimDecided()
    await applyDecision(
      trx,
      current,
      {
        status: input.decision === 'verify' ? 'verified' : 'rejected',
        method: speaksForOperator(actor, org) ? 'operator' : 'referent',
        decidedBy: actor.user.id,
      },
      { reason: input.reason?.trim() || null },
    )
  })
  return ctx.db.selectFrom('membership_claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** The claimant withdraws a pending claim (and leaves the unverified collectivité it held). */
export async function withdrawClaim(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const { claim } = await visibleClaim(ctx.db, actor, id)
  if (claim.user_id !== actor.user.id) throw new Forbidden()
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('membership_claims')
      .set({ status: 'withdrawn', decided_at: new Date(), decided_by: actor.user.id })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) throw new ClaimDecided()
    const org = await loadOrganisation(trx, claim.organisation_id)
    const member = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', org.id)
      .where('user_id', '=', actor.user.id)
      .executeTakeFirst()
    if (member && org.verification === 'pending')
      await revokeMembership(trx, actor.user.id, org.id, actor.user.id)
    await audit(trx, {
      actorId: actor.user.id,
      action: 'claim.withdrawn',
      targetType: 'organisation',
      targetId: org.id,
      data: { claimId: id },
    })
  })
}

/**
 * Verifies the pending claims of `userId` on collectivités whose SIREN is the one of the SIRET
 * their OpenID provider just asserted (ProConnect). Returns how many were verified.
 */
export async function verifyClaimsBySiret(trx: Db, userId: string, siret: string): Promise<number> {
  const siren = siret.slice(0, 9)
  const pending = await trx
    .selectFrom('membership_claims as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select(['o.kind', 'o.official_code'])
    .where('c.user_id', '=', userId)
    .where('c.status', '=', 'pending')
    .execute()
  let verified = 0
  for (const { kind, official_code, ...claim } of pending) {
    if ((await sirenOf({ kind, official_code })) !== siren) continue
    await applyDecision(trx, claim, { status: 'verified', method: 'oidc-siret', decidedBy: null })
    verified++
  }
  return verified
}

/** An accepted invitation of a verified collectivité verifies the invitee's pending claim on it. */
export async function verifyClaimByInvitation(
  trx: Db,
  userId: string,
  organisationId: string,
  invitedBy: string | null,
  role: MembershipClaim['role'],
): Promise<void> {
  const org = await loadOrganisation(trx, organisationId)
  if (org.verification !== 'verified') return
  const claim = await trx
    .selectFrom('membership_claims')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (claim)
    await applyDecision(
      trx,
      claim,
      { status: 'verified', method: 'invitation', decidedBy: invitedBy },
      { role },
    )
}

export interface ClaimFilter {
  id?: string | undefined
  status?: ClaimStatus | undefined
  organisationId?: string | undefined
  /** Only the caller's own claims. */
  mine?: boolean | undefined
  limit: number
  offset: number
}

/** Claims the caller may see: their own, and those they decide (their syndicate's, their verified collectivités'). */
export async function listClaims(ctx: Ctx, actor: Actor, f: ClaimFilter) {
  let q = ctx.db
    .selectFrom('membership_claims as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
  if (f.mine) q = q.where('c.user_id', '=', actor.user.id)
  else if (!actor.isPlatformAdmin) {
    const operators = new Set(actor.coordinates)
    if (actor.operatorId && actor.administers(actor.operatorId)) operators.add(actor.operatorId)
    const referentOf = [...actor.memberships].filter(([, m]) => m.referent).map(([id]) => id)
    q = q.where((eb) =>
      eb.or([
        eb('c.user_id', '=', actor.user.id),
        ...(operators.size ? [eb('o.operator_id', 'in', [...operators])] : []),
        ...(referentOf.length
          ? [eb.and([eb('o.id', 'in', referentOf), eb('o.verification', '=', 'verified')])]
          : []),
      ]),
    )
  }
  if (f.id) q = q.where('c.id', '=', f.id)
  if (f.status) q = q.where('c.status', '=', f.status)
  if (f.organisationId) q = q.where('c.organisation_id', '=', f.organisationId)
  const [items, count] = await Promise.all([
    q
      .selectAll('c')
      .select([
        'o.name as organisation_name',
        'o.kind',
        'o.official_code',
        'o.operator_id',
        'o.verification as organisation_verification',
        'u.email',
        'u.display_name',
        (eb) =>
          eb
            .selectFrom('membership_claims as other')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('other.organisation_id', '=', 'c.organisation_id')
            .whereRef('other.id', '!=', 'c.id')
            .where('other.status', '=', 'pending')
            .as('competing'),
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}

export type ClaimRow = Awaited<ReturnType<typeof listClaims>>['items'][number]

/** One claim as listed (for the answer of a decision). */
export async function claimRow(ctx: Ctx, actor: Actor, id: string): Promise<ClaimRow> {
  await visibleClaim(ctx.db, actor, id)
  const [row] = (await listClaims(ctx, actor, { id, limit: 1, offset: 0 })).items
  if (!row) throw new NotFound('Claim')
  return row
}
