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

const literals = (ids: readonly string[], description?: string) =>
  Type.Union(
    ids.map((id) => Type.Literal(id)),
    description ? { description } : {},
  )

export const ThemeSchema = literals(THEME_IDS, 'Theme id (see THEMES)')
export const LensSchema = literals(LENS_IDS)
export const CategorySchema = literals(CATEGORY_IDS, 'Catalogue category id')
export const PopulationBracketSchema = literals(POPULATION_BRACKET_IDS)
export const MembershipRoleSchema = literals(Object.keys(MEMBERSHIP_ROLES))
export const PlatformRoleSchema = literals(Object.keys(PLATFORM_ROLES))
export const OrganisationKindSchema = literals(Object.keys(ORGANISATION_KINDS))
