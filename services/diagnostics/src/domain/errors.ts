import { defineError } from '@osinum/service-kit'

export const DiagnosticNotFound = defineError('OSI_DIAGNOSTICS_NOT_FOUND', 'Diagnostic not found', 404)
export const NotAMember = defineError(
  'OSI_DIAGNOSTICS_NOT_A_MEMBER',
  'Only a member (élu or agent) of the collectivité can do this',
  403,
)
export const AlreadySubmitted = defineError(
  'OSI_DIAGNOSTICS_ALREADY_SUBMITTED',
  'This diagnostic is submitted: its answers and result are frozen',
  409,
)
export const NotSubmitted = defineError(
  'OSI_DIAGNOSTICS_NOT_SUBMITTED',
  'This diagnostic is not submitted yet: it has no result',
  409,
)
export const QuestionnaireNotFound = defineError(
  'OSI_DIAGNOSTICS_QUESTIONNAIRE_NOT_FOUND',
  'Questionnaire version %s not found',
  404,
)
export const Forbidden = defineError(
  'OSI_DIAGNOSTICS_FORBIDDEN',
  'You may not read this collectivité’s data',
  403,
)
