import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { personalDataMigration, revocationsMigration } from '@osinum/service-kit'
import { accompanimentMigrations } from '../accompaniment/migrations.js'
import { diagnosticsTablesMigration } from './20261128T0100_diagnostics.js'
import { verifiedAndReleasesMigration } from './20261202T0100_verified_and_releases.js'

/** Migrations of the diagnostics schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261128T0100_diagnostics': diagnosticsTablesMigration(schema),
  '20261202T0100_verified_and_releases': verifiedAndReleasesMigration(schema),
  // The accompaniment's tables (support requests, action plans…), named to sort after ours.
  ...Object.fromEntries(
    Object.entries(accompanimentMigrations).map(([name, factory]) => [name, factory(schema)]),
  ),
  // The kit's revocation list (refused access tokens), fed by identity's TokensRevoked events.
  '20261210T0000_revocations': revocationsMigration(schema),
  '20261215T0000_personal_data': personalDataMigration(schema),
})
