/** Vocabularies of the resources service: stable English ids, French labels for the API. */
export const RESOURCE_TYPES = {
  article: 'Article',
  guide: 'Guide',
  'practical-sheet': 'Fiche pratique',
  video: 'Vidéo',
  podcast: 'Podcast',
  'webinar-replay': 'Replay de webinaire',
  'document-template': 'Modèle de document',
  faq: 'FAQ',
  'teaching-tool': 'Outil pédagogique',
} as const
export type ResourceType = keyof typeof RESOURCE_TYPES
export const RESOURCE_TYPE_IDS = Object.keys(RESOURCE_TYPES) as ResourceType[]

export const AUDIENCES = { elected: 'Élu·e', agent: 'Agent', advisor: 'Conseiller·e' } as const
export type Audience = keyof typeof AUDIENCES
export const AUDIENCE_IDS = Object.keys(AUDIENCES) as Audience[]

export const LEVELS = { beginner: 'Débutant', intermediate: 'Intermédiaire', advanced: 'Avancé' } as const
export type Level = keyof typeof LEVELS
export const LEVEL_IDS = Object.keys(LEVELS) as Level[]

export const RESOURCE_STATUSES = {
  draft: 'Brouillon',
  'in-review': 'En relecture',
  published: 'Publié',
  archived: 'Archivé',
} as const
export type ResourceStatus = keyof typeof RESOURCE_STATUSES
export const RESOURCE_STATUS_IDS = Object.keys(RESOURCE_STATUSES) as ResourceStatus[]

/** Allowed moves of the editorial workflow. */
export const TRANSITIONS: Record<ResourceStatus, readonly ResourceStatus[]> = {
  draft: ['in-review'],
  'in-review': ['draft', 'published'],
  published: ['archived', 'draft'],
  archived: ['draft', 'published'],
}

export const REPORT_REASONS = {
  outdated: 'Contenu obsolète',
  wrong: 'Information erronée',
  abuse: 'Contenu abusif ou irrespectueux',
  spam: 'Spam ou publicité',
  other: 'Autre',
} as const
export type ReportReason = keyof typeof REPORT_REASONS
export const REPORT_REASON_IDS = Object.keys(REPORT_REASONS) as ReportReason[]

export const SESSION_MODES = { online: 'En ligne', 'in-person': 'En présentiel' } as const
export type SessionMode = keyof typeof SESSION_MODES

export const REGISTRATION_STATUSES = {
  registered: 'Inscrit·e',
  waiting: "Sur liste d'attente",
  cancelled: 'Annulée',
} as const
export type RegistrationStatus = keyof typeof REGISTRATION_STATUSES

export const NATIONAL_LABEL = 'National'

/** Licences editors usually pick; the field stays free text. */
export const SUGGESTED_LICENCES = [
  'Licence Ouverte 2.0',
  'CC BY 4.0',
  'CC BY-SA 4.0',
  'CC0 1.0',
  'Tous droits réservés',
] as const
