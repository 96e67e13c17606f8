import { sql } from 'kysely'
import { deleteCollectionsOf } from './collections.js'
import type { Trx } from './db.js'
import { promoteWaiting } from './trainings.js'

/** Organisations as identity announces them: their name and operator (for visibility). */
export async function upsertOrganisation(
  trx: Trx,
  o: { organisationId: string; name: string; operatorId: string | null },
) {
  await trx
    .insertInto('organisations')
    .values({
      id: o.organisationId,
      name: o.name,
      operator_id: o.operatorId,
      updated_at: sql`now()` as never,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ name: o.name, operator_id: o.operatorId, updated_at: sql`now()` as never }),
    )
    .execute()
}

export async function upsertOperator(trx: Trx, o: { operatorId: string; name: string }) {
  await trx
    .insertInto('operators')
    .values({ id: o.operatorId, name: o.name, updated_at: sql`now()` as never })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: o.name, updated_at: sql`now()` as never }))
    .execute()
}

/**
 * Erasure of a person: their posts and comments stay (the community's knowledge) but no longer
 * point to them; their registrations, votes, collections go; a seat they held goes to the first
 * person waiting; reports and editorial history keep the fact, not the person.
 */
export async function eraseUser(trx: Trx, userId: string): Promise<{ promoted: number }> {
  await trx.updateTable('experiences').set({ author_id: null }).where('author_id', '=', userId).execute()
  await trx.updateTable('comments').set({ author_id: null }).where('author_id', '=', userId).execute()
  await trx.deleteFrom('useful_votes').where('user_id', '=', userId).execute()
  await deleteCollectionsOf(trx, userId)

  const sessions = await trx
    .selectFrom('registrations')
    .select('session_id')
    .distinct()
    .where('user_id', '=', userId)
    .orderBy('session_id')
    .execute()
  let promoted = 0
  for (const { session_id } of sessions) {
    await trx.selectFrom('training_sessions').select('id').where('id', '=', session_id).forUpdate().execute()
    const removed = await trx
      .deleteFrom('registrations')
      .where('user_id', '=', userId)
      .where('session_id', '=', session_id)
      .returning('status')
      .execute()
    if (removed.some((r) => r.status === 'registered'))
      promoted += (await promoteWaiting(trx, session_id)).length
  }

  await trx
    .updateTable('content_reports')
    .set({ reporter_id: null })
    .where('reporter_id', '=', userId)
    .execute()
  await trx
    .updateTable('content_reports')
    .set({ resolved_by: null })
    .where('resolved_by', '=', userId)
    .execute()
  await trx.updateTable('experiences').set({ hidden_by: null }).where('hidden_by', '=', userId).execute()
  await trx.updateTable('comments').set({ hidden_by: null }).where('hidden_by', '=', userId).execute()
  await trx.updateTable('resource_history').set({ actor_id: null }).where('actor_id', '=', userId).execute()
  await trx.updateTable('resources').set({ created_by: null }).where('created_by', '=', userId).execute()
  await trx.updateTable('resources').set({ updated_by: null }).where('updated_by', '=', userId).execute()
  await trx.updateTable('trainings').set({ created_by: null }).where('created_by', '=', userId).execute()
  await trx.updateTable('attachments').set({ created_by: null }).where('created_by', '=', userId).execute()
  return { promoted }
}
