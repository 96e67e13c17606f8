import { Type } from 'typebox'

/** Variables the catalogue adds to the base configuration (all have defaults). */
export const CatalogueConfigSchema = Type.Object({
  CATALOGUE_SEARCH_REFRESH_MS: Type.Integer({
    minimum: 0,
    maximum: 600_000,
    default: 1000,
    description:
      'How long a replica serves search from its in-memory snapshot before re-checking the catalogue version',
  }),
  CATALOGUE_IMPORT_BODY_LIMIT_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 200 * 1024 * 1024,
    default: 32 * 1024 * 1024,
    description: 'Largest import file accepted (the SILL dump is several megabytes)',
  }),
  CATALOGUE_CONTACT_DAILY_LIMIT: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 10,
    description: 'Contact requests a person may send in 24 hours',
  }),
})

/** The catalogue's configuration as its routes read it. */
export interface CatalogueConfig {
  CATALOGUE_SEARCH_REFRESH_MS: number
  CATALOGUE_IMPORT_BODY_LIMIT_BYTES: number
  CATALOGUE_CONTACT_DAILY_LIMIT: number
  PUBLIC_URL: string
}
