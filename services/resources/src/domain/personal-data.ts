import type { PersonalDataPolicy } from '@osinum/service-kit'
import type { Trx } from './db.js'
import { eraseUser } from './identity-projection.js'

/**
 * The resources service's personal data (docs/security.md): training registrations, experience
 * posts and comments, "utile" marks, content reports and collections. On erasure, registrations,
 * marks and collections are deleted (a seat goes to the first person waiting); posts and comments
 * stay, public, without an author (the sweep then removes the person's name and email from their
 * texts, as from every report message).
 */
export const resourcesPersonalData = (onErased: (promoted: number) => void): PersonalDataPolicy => ({
  async export(db, { userId }) {
    const [registrations, experiences, comments, usefulMarks, reports, collections, collectionItems] =
      await Promise.all([
        db
          .selectFrom('registrations')
          .innerJoin('training_sessions', 'training_sessions.id', 'registrations.session_id')
          .innerJoin('trainings', 'trainings.id', 'training_sessions.training_id')
          .select([
            'registrations.id',
            'trainings.slug as training_slug',
            'trainings.title as training_title',
            'training_sessions.starts_at',
            'training_sessions.ends_at',
            'registrations.status',
            'registrations.created_at',
            'registrations.promoted_at',
            'registrations.cancelled_at',
          ])
          .where('registrations.user_id', '=', userId)
          .orderBy('registrations.created_at')
          .execute(),
        db
          .selectFrom('experiences')
          .select([
            'id',
            'slug',
            'title',
            'body',
            'themes',
            'tools',
            'organisation_id',
            'status',
            'created_at',
            'updated_at',
          ])
          .where('author_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('comments')
          .select(['id', 'experience_id', 'body', 'status', 'created_at', 'updated_at'])
          .where('author_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('useful_votes')
          .select(['experience_id', 'created_at'])
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('content_reports')
          .select(['id', 'content_type', 'content_id', 'reason', 'message', 'status', 'created_at'])
          .where('reporter_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('collections')
          .select(['id', 'name', 'description', 'created_at', 'updated_at'])
          .where('owner_id', '=', userId)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('collection_items')
          .innerJoin('collections', 'collections.id', 'collection_items.collection_id')
          .innerJoin('resources', 'resources.id', 'collection_items.resource_id')
          .select([
            'collection_items.collection_id',
            'resources.slug as resource_slug',
            'collection_items.added_at',
          ])
          .where('collections.owner_id', '=', userId)
          .orderBy('collection_items.added_at')
          .execute(),
      ])
    return {
      registrations,
      experiences,
      comments,
      usefulMarks,
      reports,
      collections: collections.map((c) => ({
        ...c,
        items: collectionItems.filter((i) => i.collection_id === c.id).map(({ collection_id: _, ...i }) => i),
      })),
    }
  },
  async erase(trx, { userId }) {
    const { promoted } = await eraseUser(trx as unknown as Trx, userId)
    onErased(promoted)
  },
})
