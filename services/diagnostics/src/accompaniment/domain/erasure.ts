import { sql } from 'kysely'
import type { Db } from './db.js'

/**
 * GDPR erasure of a person in the accompaniment: their id disappears from requests, messages,
 * timelines, items, comments, notes and reminders. What the collectivité wrote stays (its plan and
 * its exchanges are its data), without an author.
 */
export async function eraseFromAccompaniment(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('support_requests')
    .set({ created_by: null })
    .where('created_by', '=', userId)
    .execute()
  await db
    .updateTable('support_requests')
    .set({ assignee_id: null })
    .where('assignee_id', '=', userId)
    .execute()
  await db.deleteFrom('support_request_advisors').where('advisor_id', '=', userId).execute()
  await db
    .updateTable('support_request_timeline')
    .set({ actor_id: null })
    .where('actor_id', '=', userId)
    .execute()
  await db
    .updateTable('support_request_timeline')
    .set({ advisor_ids: sql`advisor_ids - ${userId}::text` as never })
    .where(sql<boolean>`advisor_ids ? ${userId}::text`)
    .execute()
  await db.updateTable('support_messages').set({ author_id: null }).where('author_id', '=', userId).execute()
  await db.updateTable('action_items').set({ created_by: null }).where('created_by', '=', userId).execute()
  await db
    .updateTable('action_item_comments')
    .set({ author_id: null })
    .where('author_id', '=', userId)
    .execute()
  await db.updateTable('advisor_notes').set({ author_id: null }).where('author_id', '=', userId).execute()
  await db
    .updateTable('reminders')
    .set({ recipient_ids: sql`recipient_ids - ${userId}::text` as never })
    .where(sql<boolean>`recipient_ids ? ${userId}::text`)
    .execute()
}
