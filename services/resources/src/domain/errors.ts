import { defineError } from '@osinum/service-kit'

/** Stable problem codes of the resources service. */
export const SlugTaken = defineError('OSI_RESOURCES_SLUG_TAKEN', 'The slug "%s" is already used', 409)
export const InvalidTransition = defineError(
  'OSI_RESOURCES_INVALID_TRANSITION',
  'A resource cannot go from %s to %s',
  409,
)
export const PublishForbidden = defineError(
  'OSI_RESOURCES_PUBLISH_FORBIDDEN',
  'Only editors can publish or archive a resource',
  403,
)
export const OperatorForbidden = defineError(
  'OSI_RESOURCES_OPERATOR_FORBIDDEN',
  'You cannot manage content of another operator',
  403,
)
export const StaffCannotReport = defineError(
  'OSI_RESOURCES_STAFF_CANNOT_REPORT',
  'Editors and admins moderate content (hide, archive, edit) instead of reporting it',
  403,
)
export const NotEditable = defineError('OSI_RESOURCES_NOT_EDITABLE', 'You cannot edit this %s', 403)
export const AttachmentTooLarge = defineError(
  'OSI_RESOURCES_ATTACHMENT_TOO_LARGE',
  'The file is larger than the limit of %s bytes',
  413,
)
export const AttachmentTypeRefused = defineError(
  'OSI_RESOURCES_ATTACHMENT_TYPE_REFUSED',
  'This kind of file is not accepted (%s)',
  415,
)
export const AttachmentMissing = defineError(
  'OSI_RESOURCES_ATTACHMENT_MISSING',
  'Send the file as multipart/form-data in a field named "file"',
  422,
)
export const TooManyAttachments = defineError(
  'OSI_RESOURCES_TOO_MANY_ATTACHMENTS',
  'A resource has at most %s attachments',
  409,
)
export const AlreadyReported = defineError(
  'OSI_RESOURCES_ALREADY_REPORTED',
  'You already reported this content; editors will look at it',
  409,
)
export const ReportClosed = defineError('OSI_RESOURCES_REPORT_CLOSED', 'This report is already closed', 409)
export const AlreadyRegistered = defineError(
  'OSI_RESOURCES_ALREADY_REGISTERED',
  'You are already registered for this session',
  409,
)
export const SessionClosed = defineError(
  'OSI_RESOURCES_SESSION_CLOSED',
  'This session has already started: registrations are closed',
  409,
)
export const SessionCancelled = defineError(
  'OSI_RESOURCES_SESSION_CANCELLED',
  'This session was cancelled by its organisers',
  409,
)
export const SessionHasRegistrants = defineError(
  'OSI_RESOURCES_SESSION_HAS_REGISTRANTS',
  'Des personnes sont inscrites ou en liste d’attente pour cette session : annulez-la d’abord (elles seront prévenues), elle restera dans l’historique.',
  409,
)
export const CapacityBelowRegistered = defineError(
  'OSI_RESOURCES_CAPACITY_BELOW_REGISTERED',
  'The capacity cannot go below the %s people already registered',
  409,
)
export const NotAMember = defineError(
  'OSI_RESOURCES_NOT_A_MEMBER',
  'Only members of the collectivité can post on its behalf',
  403,
)
export const OrganisationRequired = defineError(
  'OSI_RESOURCES_ORGANISATION_REQUIRED',
  'Say on behalf of which collectivité you post (organisationId)',
  422,
)
