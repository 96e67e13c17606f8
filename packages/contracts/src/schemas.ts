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

/**
 * Who speaks for a collectivité: `pending` until a claim on it is verified (ProConnect SIRET,
 * its syndicate, or an invitation from a verified member), then `verified`. A pending collectivité
 * uses the platform for itself but counts in no statistic and cannot invite or contact peers.
 */
export const VERIFICATION_STATES = ['pending', 'verified'] as const
export type Verification = (typeof VERIFICATION_STATES)[number]
export const VerificationSchema = literals(VERIFICATION_STATES, 'pending until a claim is verified')
