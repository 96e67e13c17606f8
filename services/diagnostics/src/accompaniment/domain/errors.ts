import { defineError } from '@osinum/service-kit'

export const RequestClosed = defineError(
  'OSI_DIAGNOSTICS_SUPPORT_REQUEST_CLOSED',
  'This support request is closed; open a new one',
  409,
)
export const NotAnAdvisor = defineError(
  'OSI_DIAGNOSTICS_NOT_AN_ADVISOR',
  'This person is not an advisor of the operator of this collectivité',
  422,
)
export const NoOrganisationAccess = defineError(
  'OSI_DIAGNOSTICS_NO_ORGANISATION_ACCESS',
  'You may not read this collectivité’s data (not a member, not its advisor, or no consent)',
  403,
)
export const OrganisationUnknown = defineError(
  'OSI_DIAGNOSTICS_ORGANISATION_UNKNOWN',
  'This collectivité is not known to the diagnostics service yet',
  422,
)
export const NoSubmittedDiagnostic = defineError(
  'OSI_DIAGNOSTICS_NO_SUBMITTED_DIAGNOSTIC',
  'This collectivité has no submitted diagnostic to build a plan from',
  422,
)
export const OperatorRequired = defineError(
  'OSI_DIAGNOSTICS_OPERATOR_REQUIRED',
  'Say which operator (operatorId) the portfolio is for',
  422,
)
