import type { Kysely, Migration } from 'kysely'

/**
 * The names of a collectivité's département and région (identity's official data, carried by its
 * organisation events): usage figures are shown per région as well as per département, by name.
 * Rows projected before stay without names until their next event (the code is shown). Frozen.
 */
export const areaNamesMigration = (_schema: string): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('organisations')
      .addColumn('departement_name', 'text')
      .addColumn('region_name', 'text')
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema
      .alterTable('organisations')
      .dropColumn('departement_name')
      .dropColumn('region_name')
      .execute()
  },
})
