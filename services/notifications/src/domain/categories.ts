/**
 * Notification categories: what a person can switch on or off, per channel. Labels are French
 * (people read them); ids are stable English codes.
 */
export const CATEGORIES = {
  auth: {
    label: 'Connexion et sécurité du compte',
    description:
      'Liens de connexion, invitations, réinitialisation du mot de passe (ne peuvent pas être désactivés)',
    email: true,
    inApp: false,
    locked: true,
  },
  diagnostics: {
    label: 'Résultats de diagnostic',
    description: 'Résultats et mesures prioritaires quand un diagnostic de votre collectivité est soumis',
    email: true,
    inApp: true,
    locked: false,
  },
  support: {
    label: 'Accompagnement',
    description: 'Demandes d’accompagnement, messages des conseillers, rappels du plan d’action',
    email: true,
    inApp: true,
    locked: false,
  },
  trainings: {
    label: 'Formations',
    description: 'Inscriptions, liste d’attente et annulations, avec l’invitation calendrier',
    email: true,
    inApp: true,
    locked: false,
  },
  digest: {
    label: 'Nouveautés (ressources et outils)',
    description: 'Nouvelles ressources et nouveaux outils sur vos thèmes, immédiatement ou en résumé',
    email: true,
    inApp: false,
    locked: false,
  },
  moderation: {
    label: 'Modération',
    description:
      'Signalements et avis à modérer (éditeurs), demandes de rattachement à une collectivité à vérifier (syndicats)',
    email: true,
    inApp: true,
    locked: false,
  },
  community: {
    label: 'Mise en relation entre collectivités',
    description:
      'Messages d’autres collectivités qui utilisent les mêmes outils, relayés sans dévoiler votre adresse',
    email: true,
    inApp: true,
    locked: false,
  },
} as const

export type Category = keyof typeof CATEGORIES
export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[]

export const DIGEST_FREQUENCIES = ['immediately', 'daily', 'weekly'] as const
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number]
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'weekly'

export const DIGEST_FREQUENCY_LABELS: Record<DigestFrequency, string> = {
  immediately: 'immédiatement',
  daily: 'chaque jour',
  weekly: 'chaque semaine',
}
