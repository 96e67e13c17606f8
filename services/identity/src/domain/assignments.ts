import { IdentityEvents } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { FieldsError, Forbidden, NotFound } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import { type Actor, administeredOperator } from './actor.js'
import { audit } from './audit.js'
import type { Ctx } from './context.js'
import type { AdvisorAssignment, Db } from './db.js'
import { AlreadyAssigned } from './errors.js'

/**
 * The platform admin assigns any advisor anywhere; an operator's administrators and coordinator
 * assign the advisors of their operator to the collectivités attached to it.
 */
function mayManage(actor: Actor, advisorOperatorId: string | null, orgOperatorId: string | null): boolean {
  if (actor.isPlatformAdmin) return true
  return Boolean(
    advisorOperatorId &&
      advisorOperatorId === orgOperatorId &&
      (actor.coordinates.has(advisorOperatorId) || actor.administers(advisorOperatorId)),
  )
}

export async function assignAdvisor(
  ctx: Ctx,
  actor: Actor,
  input: { organisationId: string; advisorId: string },
): Promise<AdvisorAssignment> {
  if (!actor.isPlatformAdmin && actor.coordinates.size === 0 && !administeredOperator(actor))
    throw new Forbidden()
  const [org, advisor] = await Promise.all([
    ctx.db
      .selectFrom('organisations')
      .select(['id', 'operator_id'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('users')
      .select(['id', 'platform_roles', 'operator_id'])
      .where('id', '=', input.advisorId)
      .where('status', '=', 'active')
      .executeTakeFirst(),
  ])
  const errors: Array<{ field: string; message: string }> = []
  if (!org) errors.push({ field: 'organisationId', message: 'unknown organisation' })
  if (!advisor) errors.push({ field: 'advisorId', message: 'unknown user' })
  else if (!advisor.platform_roles.includes('advisor'))
    errors.push({ field: 'advisorId', message: 'this person is not an advisor' })
  if (errors.length) throw new FieldsError(errors)
  if (!mayManage(actor, advisor!.operator_id, org!.operator_id)) throw new Forbidden()
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('advisor_assignments')
        .values({
          id: uuidv7(),
          organisation_id: org!.id,
          advisor_id: advisor!.id,
          operator_id: advisor!.operator_id,
          assigned_by: actor.user.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, IdentityEvents.AdvisorAssigned, org!.id, {
        organisationId: org!.id,
        advisorId: advisor!.id,
        operatorId: advisor!.operator_id,
      })
      await audit(trx, {
        actorId: actor.user.id,
        action: 'advisor.assigned',
        targetType: 'organisation',
        targetId: org!.id,
        data: { advisorId: advisor!.id },
      })
      return row
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyAssigned()
    throw error
  }
}

export async function removeAssignment(trx: Db, actorId: string | null, a: AdvisorAssignment): Promise<void> {
  await trx.deleteFrom('advisor_assignments').where('id', '=', a.id).execute()
  await recordEvent(trx, IdentityEvents.AdvisorUnassigned, a.organisation_id, {
    organisationId: a.organisation_id,
    advisorId: a.advisor_id,
    operatorId: a.operator_id,
  })
  await audit(trx, {
    actorId,
    action: 'advisor.unassigned',
    targetType: 'organisation',
    targetId: a.organisation_id,
    data: { advisorId: a.advisor_id },
  })
}

export async function unassignAdvisor(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const a = await ctx.db.selectFrom('advisor_assignments').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) throw new NotFound('Assignment')
  const org = await ctx.db
    .selectFrom('organisations')
    .select('operator_id')
    .where('id', '=', a.organisation_id)
    .executeTakeFirst()
  if (!mayManage(actor, a.operator_id, org?.operator_id ?? null)) {
    // Those who can see the assignment learn they may not remove it; others learn nothing.
    if (a.advisor_id === actor.user.id || actor.memberships.has(a.organisation_id)) throw new Forbidden()
    throw new NotFound('Assignment')
  }
  await ctx.db.transaction().execute((trx) => removeAssignment(trx, actor.user.id, a))
}

/** Assignments the actor may see: all (platform admin), their operator's (its admins, coordinator), their own (advisor), their collectivités'. */
export async function listAssignments(
  db: Db,
  actor: Actor,
  f: { organisationId?: string | undefined; advisorId?: string | undefined; limit: number; offset: number },
) {
  let q = db
    .selectFrom('advisor_assignments')
    .innerJoin('organisations', 'organisations.id', 'advisor_assignments.organisation_id')
    .innerJoin('users', 'users.id', 'advisor_assignments.advisor_id')
  if (!actor.isPlatformAdmin) {
    const member = [...actor.memberships.keys()]
    const administered = administeredOperator(actor)
    const coordinated = [...actor.coordinates, ...(administered ? [administered] : [])]
    q = q.where((eb) =>
      eb.or([
        eb('advisor_assignments.advisor_id', '=', actor.user.id),
        ...(member.length ? [eb('advisor_assignments.organisation_id', 'in', member)] : []),
        ...(coordinated.length ? [eb('advisor_assignments.operator_id', 'in', coordinated)] : []),
      ]),
    )
  }
  if (f.organisationId) q = q.where('advisor_assignments.organisation_id', '=', f.organisationId)
  if (f.advisorId) q = q.where('advisor_assignments.advisor_id', '=', f.advisorId)
  const [items, count] = await Promise.all([
    q
      .select([
        'advisor_assignments.id',
        'advisor_assignments.organisation_id',
        'advisor_assignments.advisor_id',
        'advisor_assignments.operator_id',
        'advisor_assignments.created_at',
        'organisations.name as organisation_name',
        'organisations.advisor_consent_at',
        'users.display_name as advisor_name',
        'users.email as advisor_email',
      ])
      .orderBy('advisor_assignments.created_at', 'desc')
      .orderBy('advisor_assignments.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}
