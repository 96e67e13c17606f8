import type { Problem } from './api.js'

/** A message next to a form field (`id` is the field's `name` and HTML id). */
export interface FieldError {
  field: string
  message: string
}

/** What a page says for an API problem: one sentence and, when the API named fields, one per field. */
export interface PageProblem {
  message: string
  fields: FieldError[]
}

/** Plain French for the API's stable problem codes; anything else falls back on the status. */
const MESSAGES: Record<string, string> = {
  OSI_IDENTITY_INVALID_CREDENTIALS: 'L’adresse e-mail ou le mot de passe est incorrect.',
  OSI_IDENTITY_EMAIL_NOT_VERIFIED:
    'Votre adresse e-mail n’est pas encore confirmée : ouvrez le lien reçu par e-mail, ou demandez-en un nouveau.',
  OSI_IDENTITY_INVALID_LINK: 'Ce lien a déjà servi ou il est trop ancien. Demandez-en un nouveau.',
  OSI_IDENTITY_INVALID_INVITATION:
    'Cette invitation ne fonctionne plus : elle a déjà servi, a été retirée ou est trop ancienne. Demandez une nouvelle invitation.',
  OSI_IDENTITY_INVALID_REFRESH_TOKEN: 'Votre session a pris fin. Connectez-vous à nouveau.',
  OSI_IDENTITY_SESSION_REVOKED: 'Votre session a pris fin. Connectez-vous à nouveau.',
  OSI_IDENTITY_CURRENT_PASSWORD: 'Le mot de passe actuel est incorrect.',
  OSI_IDENTITY_ORGANISATION_EXISTS:
    'Cette commune est déjà inscrite sur osinum. Pour la rejoindre, demandez à la personne qui l’a inscrite (souvent le maire ou le secrétariat) de vous inviter.',
  OSI_IDENTITY_ALREADY_MEMBER: 'Cette personne fait déjà partie de votre commune.',
  OSI_IDENTITY_LAST_REFERENT: 'Votre commune doit garder au moins une personne référente.',
  // Catalogue, resources and trainings
  OSI_CATALOGUE_NOT_MEMBER: 'Vous ne faites pas partie de cette commune.',
  OSI_CATALOGUE_NOT_VERIFIED:
    'Votre syndicat n’a pas encore confirmé votre inscription pour votre commune : vous pourrez écrire aux autres communes ensuite.',
  OSI_CATALOGUE_USAGE_REQUIRED:
    'Pour donner votre avis, déclarez d’abord que votre commune utilise cet outil.',
  OSI_CATALOGUE_ALREADY_REVIEWED: 'Votre commune a déjà donné son avis sur cet outil.',
  OSI_CATALOGUE_CONTACT_LIMIT: 'Vous avez envoyé beaucoup de messages aujourd’hui. Réessayez demain.',
  OSI_CATALOGUE_COMPARE_COUNT: 'Pour comparer, choisissez de 2 à 4 outils.',
  OSI_CATALOGUE_UNKNOWN_TOOL: 'Un des outils demandés n’existe pas ou n’est plus au catalogue.',
  OSI_CATALOGUE_INVALID_FILTER:
    'Un des filtres de la recherche n’est pas valide. Retirez les filtres et recommencez.',
  OSI_RESOURCES_ALREADY_REGISTERED: 'Vous êtes déjà inscrit ou inscrite à cette session.',
  OSI_RESOURCES_SESSION_CLOSED: 'Cette session a déjà commencé : les inscriptions sont fermées.',
  OSI_RATE_LIMITED: 'Trop de demandes en peu de temps. Patientez une minute, puis réessayez.',
  OSI_UNAUTHORIZED: 'Vous devez vous connecter pour continuer.',
  OSI_INVALID_TOKEN: 'Votre session a pris fin. Connectez-vous à nouveau.',
  OSI_FORBIDDEN: 'Vous n’avez pas le droit de faire cela.',
  OSI_NOT_FOUND: 'Cette page ou cet élément n’existe pas, ou vous n’y avez pas accès.',
}

const BY_STATUS: Record<number, string> = {
  400: 'Certaines informations ne sont pas valides. Vérifiez le formulaire.',
  401: 'Vous devez vous connecter pour continuer.',
  403: 'Vous n’avez pas le droit de faire cela.',
  404: 'Cet élément n’existe pas, ou vous n’y avez pas accès.',
  409: 'Cela existe déjà.',
  422: 'Certaines informations ne sont pas valides. Vérifiez le formulaire.',
  429: MESSAGES.OSI_RATE_LIMITED!,
}

/** Plain French for a field the API refused, by the kind of check that failed. */
function fieldMessage(apiMessage: string, label: string): string {
  if (/required|must have required/i.test(apiMessage)) return `Indiquez ${label}.`
  if (/fewer than (\d+)|at least (\d+)|minLength|must NOT have fewer/i.test(apiMessage)) {
    const n = /(\d+)/.exec(apiMessage)?.[1]
    return n
      ? `${capitalise(label)} doit contenir au moins ${n} caractères.`
      : `${capitalise(label)} est trop court.`
  }
  if (/more than (\d+)|must NOT have more/i.test(apiMessage)) return `${capitalise(label)} est trop long.`
  if (/format "email"|email/i.test(apiMessage))
    return 'Indiquez une adresse e-mail valide, par exemple nom@mairie.fr.'
  return `${capitalise(label)} n’est pas valide.`
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * Turns an API problem into what the page shows. `fields` maps the API's field names (the last
 * segment of `body.email`…) to the form's field and its label in a sentence (« votre adresse e-mail »).
 */
export function pageProblem(
  problem: Partial<Problem> | undefined,
  fields: Record<string, { field: string; label: string }> = {},
): PageProblem {
  const code = problem?.code ?? ''
  const fieldErrors: FieldError[] = []
  for (const e of (problem?.errors ?? []) as Array<{ field: string; message: string }>) {
    const key = e.field.split('.').pop() ?? e.field
    const target = fields[key]
    if (target && !fieldErrors.some((f) => f.field === target.field))
      fieldErrors.push({ field: target.field, message: fieldMessage(e.message, target.label) })
  }
  const message =
    MESSAGES[code] ?? BY_STATUS[problem?.status ?? 0] ?? 'Une erreur est survenue. Réessayez dans un instant.'
  return { message, fields: fieldErrors }
}

/**
 * What a page does when the API says an element does not exist or is not the person's (404, 403):
 * the French « Page introuvable » (404) page, saying nothing of whether it exists.
 */
export function notFoundPage(): Error {
  return Object.assign(new Error('not found, or not yours'), { statusCode: 404 })
}
