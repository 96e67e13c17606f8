import { Type } from 'typebox'
import {
  CATEGORY_IDS,
  LENS_IDS,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
  PLATFORM_ROLES,
  POPULATION_BRACKET_IDS,
  THEME_IDS,
} from './taxonomy.js'

/** A string enum schema whose static type is the union of its ids (JSON Schema: anyOf of consts). */
const literals = <T extends string>(ids: readonly T[], description?: string) =>
  Type.Unsafe<T>(
    Type.Union(
      ids.map((id) => Type.Literal(id)),
      description ? { description } : {},
    ),
  )

export const ThemeSchema = literals(THEME_IDS, 'Theme id (see THEMES)')
export const LensSchema = literals(LENS_IDS)
export const CategorySchema = literals(CATEGORY_IDS, 'Catalogue category id')
export const PopulationBracketSchema = literals(POPULATION_BRACKET_IDS)
export const MembershipRoleSchema = literals(
  Object.keys(MEMBERSHIP_ROLES) as Array<keyof typeof MEMBERSHIP_ROLES>,
)
export const PlatformRoleSchema = literals(Object.keys(PLATFORM_ROLES) as Array<keyof typeof PLATFORM_ROLES>)
export const OrganisationKindSchema = literals(
  Object.keys(ORGANISATION_KINDS) as Array<keyof typeof ORGANISATION_KINDS>,
)
