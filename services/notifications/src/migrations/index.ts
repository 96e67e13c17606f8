import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'

/** Migrations of the notifications schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
})
