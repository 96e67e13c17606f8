import type { MigrationSet } from '@osinum/db'
import { eventTablesMigration } from '@osinum/events'
import { personalDataMigration, revocationsMigration } from '@osinum/service-kit'
import { catalogueMigration } from './20261201T0000_catalogue.js'
import { verifiedOrganisationsMigration } from './20261202T0000_verified_organisations.js'
import { licencesMigration } from './20261220T0000_licences.js'
import { areaNamesMigration } from './20261225T0000_area_names.js'

/** Migrations of the catalogue schema, in name order. Frozen: never edit one that has shipped. */
export const migrations: MigrationSet = (schema) => ({
  '20261128T0000_events': eventTablesMigration(schema),
  '20261201T0000_catalogue': catalogueMigration(schema),
  '20261202T0000_verified_organisations': verifiedOrganisationsMigration(schema),
  // The kit's revocation list (refused access tokens), fed by identity's TokensRevoked events.
  '20261210T0000_revocations': revocationsMigration(schema),
  '20261215T0000_personal_data': personalDataMigration(schema),
  '20261220T0000_licences': licencesMigration(schema),
  '20261225T0000_area_names': areaNamesMigration(schema),
})
