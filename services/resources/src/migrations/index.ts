import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { personalDataMigration, revocationsMigration } from '@osinum/service-kit'
import { resourcesMigration } from './20261128T0100_resources.js'
import { resourcesSearchIndexesMigration } from './20261128T1900_resources_search_indexes.js'
import { sessionChangesMigration } from './20261216T0000_session_changes.js'

/** Migrations of the resources schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261128T0100_resources': resourcesMigration(schema),
  '20261128T1900_resources_search_indexes': resourcesSearchIndexesMigration(schema),
  // The kit's revocation list (refused access tokens), fed by identity's TokensRevoked events.
  '20261210T0000_revocations': revocationsMigration(schema),
  '20261215T0000_personal_data': personalDataMigration(schema),
  '20261216T0000_session_changes': sessionChangesMigration(schema),
})
