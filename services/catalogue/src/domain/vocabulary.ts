import categoryDetails from '../seed/categories.json' with { type: 'json' }

/** French labels of the catalogue's own vocabularies (ids are stable English codes). */
export const HOSTING_MODES = {
  saas: 'En ligne (service hébergé)',
  'self-hosted': 'Installé par la collectivité ou son prestataire',
  operator: 'Offre clés en main d’un opérateur',
} as const
export type HostingMode = keyof typeof HOSTING_MODES
export const HOSTING_MODE_IDS = Object.keys(HOSTING_MODES) as HostingMode[]

export const DATA_LOCATIONS = {
  france: 'France',
  eu: 'Union européenne',
  'outside-eu': 'Hors Union européenne',
  depends: 'Selon l’hébergeur choisi',
} as const
export type DataLocation = keyof typeof DATA_LOCATIONS
export const DATA_LOCATION_IDS = Object.keys(DATA_LOCATIONS) as DataLocation[]

export const COST_MODELS = {
  free: 'Gratuit',
  freemium: 'Gratuit avec options payantes',
  subscription: 'Abonnement',
  'per-user': 'Prix par utilisateur',
  'one-time': 'Achat unique',
  'hosting-cost-only': 'Libre : seul l’hébergement ou le support est payant',
} as const
export type CostModel = keyof typeof COST_MODELS
export const COST_MODEL_IDS = Object.keys(COST_MODELS) as CostModel[]

export const SKILL_LEVELS = {
  beginner: 'Accessible à tous',
  intermediate: 'Quelques connaissances techniques',
  expert: 'Compétences techniques nécessaires',
} as const
export type SkillLevel = keyof typeof SKILL_LEVELS
export const SKILL_LEVEL_IDS = Object.keys(SKILL_LEVELS) as SkillLevel[]

export const RGAA_DECLARATIONS = {
  full: 'Déclaration RGAA : totalement conforme',
  partial: 'Déclaration RGAA : partiellement conforme',
  none: 'Déclaration RGAA : non conforme',
  unknown: 'Déclaration RGAA non vérifiée',
} as const
export type RgaaDeclaration = keyof typeof RGAA_DECLARATIONS
export const RGAA_DECLARATION_IDS = Object.keys(RGAA_DECLARATIONS) as RgaaDeclaration[]

export const TOOL_STATUSES = ['draft', 'published', 'archived'] as const
export const USAGE_STATUSES = {
  uses: 'Utilise',
  evaluating: 'Évalue',
  abandoned: 'A abandonné',
} as const
export const REVIEW_STATUSES = ['pending', 'published', 'rejected'] as const

export const PROVIDER_KINDS = {
  company: 'Entreprise',
  scic: 'Société coopérative (SCIC, SCOP)',
  association: 'Association',
  syndicate: 'Syndicat ou opérateur public',
  'public-body': 'Service public',
} as const
export type ProviderKind = keyof typeof PROVIDER_KINDS
export const PROVIDER_KIND_IDS = Object.keys(PROVIDER_KINDS) as ProviderKind[]

export const FREE_LICENCE_LABELS = { true: 'Licence libre', false: 'Licence non libre' } as const

/** Category labels and descriptions of the seed taxonomy (richer than the short contract labels). */
export const CATEGORY_DETAILS: Record<string, { label: string; description: string }> = Object.fromEntries(
  (categoryDetails as Array<{ id: string; label: string; description: string }>).map((c) => [
    c.id,
    { label: c.label, description: c.description },
  ]),
)
