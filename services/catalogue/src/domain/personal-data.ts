import type { PersonalDataPolicy } from '@osinum/service-kit'
import { bumpVersion, type Trx } from './db.js'
import { eraseUser } from './reviews.js'

/**
 * The catalogue's personal data (docs/security.md): reviews, usage declarations, contact requests
 * and reports a person made. On erasure, reviews and usages stay with their collectivité without
 * an author (the sweep then removes the person's name and email from their texts); reports and
 * contact requests lose their author.
 */
export const cataloguePersonalData = (onErased: () => void): PersonalDataPolicy => ({
  async export(db, { userId }) {
    const [reviews, usages, contactRequests, reviewReports] = await Promise.all([
      db
        .selectFrom('reviews')
        .innerJoin('tools', 'tools.id', 'reviews.tool_id')
        .select([
          'reviews.id',
          'tools.slug as tool_slug',
          'tools.name as tool_name',
          'reviews.organisation_id',
          'reviews.author_role',
          'reviews.rating',
          'reviews.text',
          'reviews.status',
          'reviews.moderation_note',
          'reviews.created_at',
          'reviews.updated_at',
        ])
        .where('reviews.author_id', '=', userId)
        .orderBy('reviews.created_at')
        .execute(),
      db
        .selectFrom('tool_usages')
        .innerJoin('tools', 'tools.id', 'tool_usages.tool_id')
        .select([
          'tool_usages.id',
          'tools.slug as tool_slug',
          'tools.name as tool_name',
          'tool_usages.organisation_id',
          'tool_usages.status',
          'tool_usages.comment',
          'tool_usages.contact_consent',
          'tool_usages.created_at',
          'tool_usages.updated_at',
        ])
        .where('tool_usages.declared_by', '=', userId)
        .orderBy('tool_usages.created_at')
        .execute(),
      db
        .selectFrom('contact_requests')
        .innerJoin('tools', 'tools.id', 'contact_requests.tool_id')
        .select([
          'contact_requests.id',
          'tools.slug as tool_slug',
          'contact_requests.from_organisation_id',
          'contact_requests.to_organisation_id',
          'contact_requests.created_at',
        ])
        .where('contact_requests.from_user_id', '=', userId)
        .orderBy('contact_requests.created_at')
        .execute(),
      db
        .selectFrom('review_reports')
        .select(['id', 'review_id', 'reason', 'created_at'])
        .where('reporter_id', '=', userId)
        .orderBy('created_at')
        .execute(),
    ])
    return { reviews, usages, contactRequests, reviewReports }
  },
  async erase(trx, { userId }) {
    await eraseUser(trx as unknown as Trx, userId)
    // Review texts change with the sweep that follows: searches and pages read them again.
    await bumpVersion(trx as unknown as Trx)
    onErased()
  },
})
