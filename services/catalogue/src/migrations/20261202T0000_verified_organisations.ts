import type { Kysely, Migration } from 'kysely'

/**
 * Whether someone verified speaks for a collectivité (identity's `verification`): usage counts
 * ("used by", per size and territory) count verified collectivités only, and only a verified
 * collectivité contacts or is offered for contact. Frozen.
 */
export const verifiedOrganisationsMigration = (_schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('organisations')
      .addColumn('verified', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('organisations').dropColumn('verified').execute()
  },
})
