/**
 * Shared vocabularies. Ids are stable English codes; labels are the French text users read.
 * Themes are shared by the diagnostic (questions, recommendations), the catalogue (usages a tool
 * serves) and the resources (what a guide is about).
 */
export const THEMES = {
  governance: 'Organisation et pilotage',
  equipment: 'Équipement',
  connectivity: 'Connexion internet',
  telework: 'Télétravail',
  'data-storage': 'Stockage et sauvegarde des données',
  security: 'Cybersécurité',
  email: 'Messagerie',
  videoconference: 'Visioconférence',
  website: 'Site internet',
  agenda: 'Agenda',
  contacts: 'Contacts et annuaire',
  collaboration: 'Collaboration en ligne',
  gdpr: 'RGPD et données personnelles',
  'open-data': 'Open data',
  'open-source': 'Logiciels libres',
  sobriety: 'Sobriété numérique',
} as const
export type Theme = keyof typeof THEMES
export const THEME_IDS = Object.keys(THEMES) as Theme[]

/** The three cross-cutting lenses of the seed survey. */
export const LENSES = { sovereignty: 'Souveraineté', security: 'Sécurité', sobriety: 'Sobriété' } as const
export type Lens = keyof typeof LENSES
export const LENS_IDS = Object.keys(LENSES) as Lens[]

/** Catalogue taxonomy (tool categories). */
export const CATEGORIES = {
  email: 'Messagerie',
  videoconference: 'Visioconférence',
  agenda: 'Agenda',
  contacts: 'Annuaire et contacts',
  'office-suite': 'Bureautique',
  'collaborative-editing': 'Édition collaborative',
  'file-sharing': 'Stockage et partage de fichiers',
  website: 'Site internet',
  backup: 'Sauvegarde',
  'passwords-security': 'Mots de passe et sécurité',
  'forms-surveys': 'Formulaires et sondages',
  'citizen-participation': 'Participation citoyenne',
  'open-data-publishing': 'Publication open data',
  mapping: 'Cartographie',
  'project-management': 'Gestion de projet',
  'citizen-relations': 'Relation usagers',
  chat: 'Messagerie instantanée',
  'operating-system': "Système d'exploitation",
  'web-browser': 'Navigateur web',
  'social-media': 'Réseaux sociaux',
  newsletter: 'Lettre d’information',
  'accounting-hr': 'Finances et ressources humaines',
} as const
export type Category = keyof typeof CATEGORIES
export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[]

/**
 * Population brackets. The first three are those of the 2023 national survey, so that a
 * commune can be compared with its peers of the report; the others split larger collectivités.
 */
export const POPULATION_BRACKETS = {
  'under-500': 'Moins de 500 habitants',
  '500-999': 'De 500 à 999 habitants',
  '1000-4999': 'De 1 000 à 4 999 habitants',
  '5000-19999': 'De 5 000 à 19 999 habitants',
  '20000-plus': '20 000 habitants et plus',
} as const
export type PopulationBracket = keyof typeof POPULATION_BRACKETS
export const POPULATION_BRACKET_IDS = Object.keys(POPULATION_BRACKETS) as PopulationBracket[]

export function populationBracket(population: number): PopulationBracket {
  if (population < 500) return 'under-500'
  if (population < 1000) return '500-999'
  if (population < 5000) return '1000-4999'
  if (population < 20000) return '5000-19999'
  return '20000-plus'
}

/** Roles inside a collectivité. */
export const MEMBERSHIP_ROLES = { elected: 'Élu·e', agent: 'Agent' } as const
export type MembershipRole = keyof typeof MEMBERSHIP_ROLES
/** Platform-wide roles. */
export const PLATFORM_ROLES = {
  advisor: 'Conseiller·e',
  editor: 'Éditeur·rice',
  admin: 'Administrateur·rice',
} as const
export type PlatformRole = keyof typeof PLATFORM_ROLES

export const ORGANISATION_KINDS = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  syndicat: 'Syndicat',
} as const
export type OrganisationKind = keyof typeof ORGANISATION_KINDS
