import type { PersonalDataPolicy } from '@osinum/service-kit'
import { eraseFromAccompaniment } from './accompaniment/domain/erasure.js'
import { eraseUser } from './domain/projections.js'

/**
 * The diagnostics service's personal data (docs/security.md): diagnostics a person started or
 * submitted and the answers they gave, support requests and messages, action items and comments,
 * advisor notes. On erasure the collectivité keeps its diagnostics, plan and exchanges without an
 * author (the sweep then removes the person's name and email from their texts); the person leaves
 * every projection. `users` is the projection of everyone's names: a namesake's is never swept.
 */
export const diagnosticsPersonalData: PersonalDataPolicy = {
  identityTables: ['users'],
  async export(db, { userId }) {
    const [
      diagnostics,
      answers,
      supportRequests,
      supportMessages,
      actionItems,
      actionItemComments,
      advisorNotes,
    ] = await Promise.all([
      db
        .selectFrom('diagnostics')
        .select([
          'id',
          'organisation_id',
          'questionnaire_version',
          'status',
          'started_at',
          'submitted_at',
          'level',
          'overall_score',
          (eb) => eb(eb.ref('started_by'), '=', userId).as('started_by_me'),
          (eb) => eb(eb.ref('submitted_by'), '=', userId).as('submitted_by_me'),
        ])
        .where((eb) => eb.or([eb('started_by', '=', userId), eb('submitted_by', '=', userId)]))
        .orderBy('started_at')
        .execute(),
      db
        .selectFrom('answers')
        .select(['diagnostic_id', 'question_id', 'value', 'answered_by_role', 'answered_at'])
        .where('answered_by', '=', userId)
        .orderBy('answered_at')
        .execute(),
      db
        .selectFrom('support_requests')
        .select(['id', 'organisation_id', 'topic', 'message', 'status', 'created_at', 'closed_at'])
        .where('created_by', '=', userId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('support_messages')
        .select(['id', 'request_id', 'from_advisor', 'body', 'created_at'])
        .where('author_id', '=', userId)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('action_items')
        .select([
          'id',
          'organisation_id',
          'title',
          'description',
          'status',
          'due_date',
          'owner',
          'created_at',
        ])
        .where('created_by', '=', userId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('action_item_comments')
        .select(['id', 'item_id', 'organisation_id', 'from_advisor', 'body', 'created_at'])
        .where('author_id', '=', userId)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('advisor_notes')
        .select(['id', 'organisation_id', 'item_id', 'body', 'created_at', 'updated_at'])
        .where('author_id', '=', userId)
        .orderBy('created_at')
        .execute(),
    ])
    return {
      diagnostics,
      answers,
      supportRequests,
      supportMessages,
      actionItems,
      actionItemComments,
      advisorNotes,
    }
  },
  async erase(trx, { userId }) {
    await eraseUser(trx as never, userId)
    await eraseFromAccompaniment(trx as never, userId)
  },
}
