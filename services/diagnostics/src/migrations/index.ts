import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { personalDataMigration, revocationsMigration } from '@osinum/service-kit'
import { diagnosticsTablesMigration } from './20261128T0100_diagnostics.js'
import { accompanimentTablesMigration } from './20261128T0500_accompaniment.js'
import { verifiedAndReleasesMigration } from './20261202T0100_verified_and_releases.js'

/** Migrations of the diagnostics schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261128T0100_diagnostics': diagnosticsTablesMigration(schema),
  // The accompaniment module's tables (support requests, action plans…).
  '20261128T0500_accompaniment': accompanimentTablesMigration(schema),
  '20261202T0100_verified_and_releases': verifiedAndReleasesMigration(schema),
  // The kit's revocation list (refused access tokens), fed by identity's TokensRevoked events.
  '20261210T0000_revocations': revocationsMigration(schema),
  '20261215T0000_personal_data': personalDataMigration(schema),
})
