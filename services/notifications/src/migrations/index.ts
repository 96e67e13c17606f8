import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { personalDataMigration, revocationsMigration } from '@osinum/service-kit'
import { notificationsMigration } from './20261129T0000_notifications.js'
import { emailSendingMigration } from './20261201T2200_email_sending.js'

/** Migrations of the notifications schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261129T0000_notifications': notificationsMigration(schema),
  '20261201T2200_email_sending': emailSendingMigration(schema),
  // The kit's revocation list (refused access tokens), fed by identity's TokensRevoked events.
  '20261210T0000_revocations': revocationsMigration(schema),
  '20261215T0000_personal_data': personalDataMigration(schema),
})
