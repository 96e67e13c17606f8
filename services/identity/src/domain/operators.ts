import { IdentityEvents, type PlatformRole } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { FieldsError, Forbidden, NotFound } from '@osinum/service-kit'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { type Actor, requirePlatformAdmin } from './actor.js'
import { audit } from './audit.js'
import type { Ctx } from './context.js'
import { type Db, json, type Operator, type User } from './db.js'
import { officialData } from './official-data.js'
import { organisationSnapshot } from './organisations.js'
import { recordRevocation } from './revocations.js'
import { userSnapshot } from './users.js'

export const operatorSnapshot = (o: Operator) => ({
  operatorId: o.id,
  name: o.name,
  departements: [...o.departements],
  coordinatorId: o.coordinator_id,
  displayName: o.display_name,
  logoUrl: o.logo_url,
  primaryColor: o.primary_color,
  website: o.website,
})

export interface OperatorInput {
  name?: string | undefined
  displayName?: string | null | undefined
  departements?: string[] | undefined
  logoUrl?: string | null | undefined
  primaryColor?: string | null | undefined
  website?: string | null | undefined
  coordinatorId?: string | null | undefined
}

async function validate(db: Db, input: OperatorInput): Promise<User | null> {
  const errors: Array<{ field: string; message: string }> = []
  if (input.departements) {
    const data = await officialData()
    input.departements.forEach((d, i) => {
      if (!data.get('departement', d))
        errors.push({ field: `departements.${i}`, message: `unknown département code "${d}"` })
    })
  }
  let coordinator: User | null = null
  if (input.coordinatorId) {
    coordinator =
      (await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', input.coordinatorId)
        .where('status', '=', 'active')
        .executeTakeFirst()) ?? null
    if (!coordinator) errors.push({ field: 'coordinatorId', message: 'unknown user' })
  }
  if (errors.length) throw new FieldsError(errors)
  return coordinator
}

/** The coordinator is an advisor of the operator: the role is given if missing. */
async function makeCoordinator(trx: Db, actor: Actor, user: User, operatorId: string): Promise<void> {
  if (user.platform_roles.includes('advisor') && user.operator_id === operatorId) return
  const roles: PlatformRole[] = [...new Set<PlatformRole>([...user.platform_roles, 'advisor'])]
  const updated = await trx
    .updateTable('users')
    .set({ platform_roles: json(roles), operator_id: operatorId, updated_at: new Date() })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordEvent(trx, IdentityEvents.UserUpdated, user.id, userSnapshot(updated))
  await recordRevocation(trx, { userId: user.id, issuedBefore: new Date(), reason: 'roles-changed' })
  await audit(trx, {
    actorId: actor.user.id,
    action: 'roles.changed',
    targetType: 'user',
    targetId: user.id,
    data: { from: user.platform_roles, to: roles, operatorId, previousOperatorId: user.operator_id },
  })
}

/** Collectivités without an operator in the départements it now covers are attached to it. */
async function attachOrphans(trx: Db, operator: Operator): Promise<void> {
  if (operator.departements.length === 0) return
  const attached = await trx
    .updateTable('organisations')
    .set({ operator_id: operator.id, updated_at: new Date() })
    .where('operator_id', 'is', null)
    .where('departement', 'in', operator.departements)
    .returningAll()
    .execute()
  for (const org of attached)
    await recordEvent(trx, IdentityEvents.OrganisationUpdated, org.id, organisationSnapshot(org))
}

export async function createOperator(
  ctx: Ctx,
  actor: Actor,
  input: OperatorInput & { name: string; departements: string[] },
  options: { id?: string } = {},
): Promise<Operator> {
  requirePlatformAdmin(actor)
  const coordinator = await validate(ctx.db, input)
  return ctx.db.transaction().execute(async (trx) => {
    const op = await trx
      .insertInto('operators')
      .values({
        id: options.id ?? uuidv7(),
        name: input.name.trim(),
        display_name: input.displayName ?? null,
        departements: json([...new Set(input.departements)]),
        logo_url: input.logoUrl ?? null,
        primary_color: input.primaryColor ?? null,
        website: input.website ?? null,
        coordinator_id: coordinator?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    if (coordinator) await makeCoordinator(trx, actor, coordinator, op.id)
    await recordEvent(trx, IdentityEvents.OperatorCreated, op.id, operatorSnapshot(op))
    await audit(trx, {
      actorId: actor.user.id,
      action: 'operator.created',
      targetType: 'operator',
      targetId: op.id,
    })
    await attachOrphans(trx, op)
    return op
  })
}

export async function updateOperator(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: OperatorInput,
): Promise<Operator> {
  // The platform admin changes anything; the operator's own administrators its presentation and
  // coordinator (one of its staff), never its name or the départements it covers.
  if (!actor.administers(id)) throw new Forbidden()
  const current = await getOperator(ctx.db, id)
  if (!actor.isPlatformAdmin && (patch.name !== undefined || patch.departements !== undefined))
    throw new Forbidden()
  const coordinator = await validate(ctx.db, patch)
  if (!actor.isPlatformAdmin && coordinator && coordinator.operator_id !== id)
    throw new FieldsError([{ field: 'coordinatorId', message: 'must be one of the operator’s own staff' }])
  return ctx.db.transaction().execute(async (trx) => {
    const op = await trx
      .updateTable('operators')
      .set({
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.departements !== undefined ? { departements: json([...new Set(patch.departements)]) } : {}),
        ...(patch.logoUrl !== undefined ? { logo_url: patch.logoUrl } : {}),
        ...(patch.primaryColor !== undefined ? { primary_color: patch.primaryColor } : {}),
        ...(patch.website !== undefined ? { website: patch.website } : {}),
        ...(patch.coordinatorId !== undefined ? { coordinator_id: patch.coordinatorId } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (coordinator) await makeCoordinator(trx, actor, coordinator, op.id)
    await recordEvent(trx, IdentityEvents.OperatorUpdated, op.id, operatorSnapshot(op))
    await audit(trx, {
      actorId: actor.user.id,
      action: 'operator.updated',
      targetType: 'operator',
      targetId: op.id,
      data: { coordinatorId: op.coordinator_id, previousCoordinatorId: current.coordinator_id },
    })
    await attachOrphans(trx, op)
    return op
  })
}

export async function getOperator(db: Db, id: string): Promise<Operator> {
  const op = await db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst()
  if (!op) throw new NotFound('Operator')
  return op
}

export async function listOperators(
  db: Db,
  f: { departement?: string | undefined; limit: number; offset: number },
) {
  let q = db.selectFrom('operators')
  if (f.departement) q = q.where(sql<boolean>`departements @> ${JSON.stringify([f.departement])}::jsonb`)
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}
