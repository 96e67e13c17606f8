import type { PersonalDataPolicy } from '@osinum/service-kit'
import type { Trx } from './db.js'
import { eraseUser } from './projection.js'

/**
 * The notifications service's personal data (docs/security.md): notifications (in-app and email),
 * their deliveries, preferences, digest settings and items. On erasure all of it is deleted with
 * the person's projection (a tombstone keeps anything from being sent again); the sweep then removes
 * their name and email from what remains (other people's notifications, webhook delivery bodies).
 * `users` is the projection of everyone's names and addresses: a namesake's is never swept.
 */
export const notificationsPersonalData: PersonalDataPolicy = {
  identityTables: ['users'],
  async export(db, { userId, emails }) {
    const mine = (eb: any) =>
      eb.or([
        eb('notifications.user_id', '=', userId),
        ...(emails.length
          ? [eb.and([eb('notifications.user_id', 'is', null), eb('notifications.recipient', 'in', emails)])]
          : []),
      ])
    const [notifications, deliveries, preferences, digestSettings, digestItems] = await Promise.all([
      db
        .selectFrom('notifications')
        .select([
          'id',
          'category',
          'kind',
          'recipient',
          'title',
          'body',
          'link',
          'in_app',
          'read_at',
          'created_at',
        ])
        .where(mine)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('deliveries')
        .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
        .select([
          'deliveries.id',
          'deliveries.notification_id',
          'deliveries.channel',
          'deliveries.recipient',
          'deliveries.status',
          'deliveries.attempts',
          'deliveries.created_at',
          'deliveries.sent_at',
        ])
        .where(mine)
        .orderBy('deliveries.created_at')
        .execute(),
      db
        .selectFrom('preferences')
        .select(['category', 'email', 'in_app', 'updated_at'])
        .where('user_id', '=', userId)
        .execute(),
      db
        .selectFrom('digest_settings')
        .select(['frequency', 'themes', 'updated_at'])
        .where('user_id', '=', userId)
        .execute(),
      db
        .selectFrom('digest_items')
        .select(['kind', 'title', 'summary', 'link', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute(),
    ])
    return { notifications, deliveries, preferences, digestSettings, digestItems }
  },
  async erase(trx, { userId }) {
    await eraseUser(trx as unknown as Trx, userId)
  },
}
