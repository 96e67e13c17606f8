import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration, jobTablesMigration } from '@osinum/events'
import { revocationsMigration } from '@osinum/service-kit'
import { identityTablesMigration } from './20261129T0000_identity.js'
import { verifiedMembershipMigration } from './20261202T0000_verified_membership.js'

/** Migrations of the identity schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261129T0000_identity': identityTablesMigration(schema),
  '20261201T2200_jobs': jobTablesMigration(schema),
  '20261202T0000_verified_membership': verifiedMembershipMigration(schema),
  // The kit's revocation list (refused access tokens), fed by identity's TokensRevoked events.
  '20261210T0000_revocations': revocationsMigration(schema),
})
