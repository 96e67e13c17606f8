import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { revocationsMigration } from '@osinum/service-kit'
import { catalogueMigration } from './20261201T0000_catalogue.js'

/** Migrations of the catalogue schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261201T0000_catalogue': catalogueMigration(schema),
  // The kit's revocation list (refused access tokens), fed by identity's TokensRevoked events.
  '20261210T0000_revocations': revocationsMigration(schema),
})
