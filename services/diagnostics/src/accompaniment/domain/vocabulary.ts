/**
 * Vocabularies of the accompaniment: stable English ids in the API, French labels for people.
 */

export const SUPPORT_STATUSES = {
  new: 'Nouvelle',
  assigned: 'Prise en charge',
  'in-progress': 'En cours',
  closed: 'Clôturée',
} as const
export type SupportStatus = keyof typeof SUPPORT_STATUSES
export const SUPPORT_STATUS_IDS = Object.keys(SUPPORT_STATUSES) as SupportStatus[]
export const OPEN_SUPPORT_STATUSES: SupportStatus[] = ['new', 'assigned', 'in-progress']

/** How a request found its advisors. */
export const MATCH_KINDS = {
  assigned: 'Conseiller·e attitré·e de la collectivité',
  departement: 'Conseiller·e du syndicat intervenant dans le département',
  coordinator: 'Coordinateur·rice du syndicat',
  none: 'Aucun·e conseiller·e disponible',
} as const
export type MatchKind = keyof typeof MATCH_KINDS

export const ACTION_ITEM_STATUSES = {
  proposed: 'Proposé',
  'in-progress': 'En cours',
  blocked: 'Bloqué',
  done: 'Terminé',
  'not-interested': 'Pas intéressé',
  'already-done': 'Déjà fait',
} as const
export type ActionItemStatus = keyof typeof ACTION_ITEM_STATUSES
export const ACTION_ITEM_STATUS_IDS = Object.keys(ACTION_ITEM_STATUSES) as ActionItemStatus[]
/** Statuses of an item that still asks for work (counted as open, can be overdue). */
export const OPEN_ITEM_STATUSES: ActionItemStatus[] = ['proposed', 'in-progress', 'blocked']
/** Statuses that count as achieved in the progress and feed the hints of the next diagnostic. */
export const DONE_ITEM_STATUSES: ActionItemStatus[] = ['done', 'already-done']

export const ITEM_SOURCES = { diagnostic: 'Recommandation du diagnostic', manual: 'Ajout manuel' } as const
export type ItemSource = keyof typeof ITEM_SOURCES

export const GAP_KINDS = {
  'weak-theme': 'Thème faible',
  rule: 'Recommandation',
  'training-wish': 'Souhait de formation',
} as const
export type GapKind = keyof typeof GAP_KINDS

export const REMINDER_KINDS = ['overdue-action-item', 'stale-support-request'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]
