import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration, jobTablesMigration } from '@osinum/events'
import { identityTablesMigration } from './20261129T0000_identity.js'

/** Migrations of the identity schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261129T0000_identity': identityTablesMigration(schema),
  '20261201T2200_jobs': jobTablesMigration(schema),
})
