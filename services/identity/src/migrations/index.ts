import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { identityTablesMigration } from './20261129T0000_identity.js'
import { verifiedMembershipMigration } from './20261202T0000_verified_membership.js'

/** Migrations of the identity schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261129T0000_identity': identityTablesMigration(schema),
  '20261202T0000_verified_membership': verifiedMembershipMigration(schema),
})
