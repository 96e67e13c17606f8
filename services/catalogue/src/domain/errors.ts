import { defineError } from '@osinum/service-kit/domain-errors'

/** Stable error codes of the catalogue (OSI_CATALOGUE_*). */
export const NotVerified = defineError(
  'OSI_CATALOGUE_NOT_VERIFIED',
  'Your collectivité is not verified yet: once its syndicate confirms who speaks for it, you can contact other collectivités',
  403,
)
export const StaffCannotReport = defineError(
  'OSI_CATALOGUE_STAFF_CANNOT_REPORT',
  'Editors and admins moderate reviews instead of reporting them',
  403,
)
export const SlugTaken = defineError('OSI_CATALOGUE_SLUG_TAKEN', 'The slug "%s" is already used', 409)
export const ExternalIdTaken = defineError(
  'OSI_CATALOGUE_EXTERNAL_ID_TAKEN',
  'Another tool already has this external id (%s)',
  409,
)
export const CriterionKeyTaken = defineError(
  'OSI_CATALOGUE_CRITERION_TAKEN',
  'The criterion "%s" already exists',
  409,
)
export const OfferExists = defineError('OSI_CATALOGUE_OFFER_EXISTS', 'This offer already exists for %s', 409)
export const UsageRequired = defineError(
  'OSI_CATALOGUE_USAGE_REQUIRED',
  'Only members of a collectivité that declared using this tool may review it',
  403,
)
export const NotMember = defineError(
  'OSI_CATALOGUE_NOT_MEMBER',
  'You are not a member of this collectivité',
  403,
)
export const OtherOperator = defineError(
  'OSI_CATALOGUE_OTHER_OPERATOR',
  'Outside your scope: national content is edited by national editors, an operator’s offers and criteria by its own editors and administrators',
  403,
)
export const AlreadyReviewed = defineError(
  'OSI_CATALOGUE_ALREADY_REVIEWED',
  'You already reviewed this tool',
  409,
)
export const AlreadyReported = defineError(
  'OSI_CATALOGUE_ALREADY_REPORTED',
  'You already reported this review',
  409,
)
export const ContactLimit = defineError(
  'OSI_CATALOGUE_CONTACT_LIMIT',
  'Too many contact requests today: try again tomorrow',
  429,
)
export const CompareCount = defineError(
  'OSI_CATALOGUE_COMPARE_COUNT',
  'Compare between 2 and 4 tools (got %s)',
  422,
)
export const ImportUnsupported = defineError('OSI_CATALOGUE_IMPORT_UNSUPPORTED', '%s', 422)
