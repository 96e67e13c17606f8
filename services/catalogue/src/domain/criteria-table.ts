import { CATEGORIES, THEMES } from '@osinum/contracts'
import type { ToolCompleteness, ToolCriterion, ToolDetail } from '../schemas.js'
import { COST_MODELS, DATA_LOCATIONS, HOSTING_MODES, RGAA_DECLARATIONS, SKILL_LEVELS } from './vocabulary.js'

/** A tool's detail before its criteria are put in words. */
export type ToolCore = Omit<ToolDetail, 'criteria' | 'completeness'>

const yesNo = (v: boolean | null) => (v === null ? 'Non renseigné' : v ? 'Oui' : 'Non')
const list = (values: string[], labels?: Record<string, string>) =>
  values.length ? values.map((v) => labels?.[v] ?? v).join(', ') : '—'

/** Criteria every tool has, in the order of the comparison table (and of the tool's page). */
export const CRITERIA: Array<{
  key: string
  label: string
  group: string
  get: (t: ToolCore) => [unknown, string]
  /** For the facts an editor documents: whether this tool's sheet says it (completeness). */
  documented?: (t: ToolCore) => boolean
}> = [
  {
    key: 'licence',
    label: 'Licence',
    group: 'Général',
    get: (t) => [t.licence, t.licence],
    documented: (t) => t.licence.trim() !== '' && t.licence !== 'NOASSERTION',
  },
  { key: 'isFree', label: 'Logiciel libre', group: 'Général', get: (t) => [t.isFree, yesNo(t.isFree)] },
  {
    key: 'categories',
    label: 'Catégories',
    group: 'Général',
    get: (t) => [t.categories, list(t.categories, CATEGORIES)],
    documented: (t) => t.categories.length > 0,
  },
  {
    key: 'themes',
    label: 'Usages',
    group: 'Général',
    get: (t) => [t.themes, list(t.themes, THEMES)],
    documented: (t) => t.themes.length > 0,
  },
  {
    key: 'costModel',
    label: 'Modèle de coût',
    group: 'Général',
    get: (t) => [t.costModel, COST_MODELS[t.costModel as keyof typeof COST_MODELS] ?? t.costModel],
  },
  {
    key: 'skillLevel',
    label: 'Compétences nécessaires',
    group: 'Général',
    get: (t) => [t.skillLevel, SKILL_LEVELS[t.skillLevel as keyof typeof SKILL_LEVELS] ?? t.skillLevel],
  },
  {
    key: 'hostingModes',
    label: 'Modes d’hébergement',
    group: 'Hébergement et données',
    get: (t) => {
      const modes = [...new Set(t.hosting.map((h) => h.mode))]
      return [modes, list(modes, HOSTING_MODES)]
    },
    documented: (t) => t.hosting.length > 0,
  },
  {
    key: 'dataLocations',
    label: 'Localisation des données',
    group: 'Hébergement et données',
    get: (t) => {
      const locations = [...new Set(t.hosting.map((h) => h.dataLocation))]
      return [locations, list(locations, DATA_LOCATIONS)]
    },
    documented: (t) => t.hosting.length > 0,
  },
  {
    key: 'standards',
    label: 'Standards et formats ouverts',
    group: 'Interopérabilité',
    get: (t) => [t.standards, list(t.standards)],
    documented: (t) => t.standards.length > 0,
  },
  {
    key: 'rgaaDeclaration',
    label: 'Accessibilité (RGAA)',
    group: 'Accessibilité',
    get: (t) => [
      t.accessibility.rgaaDeclaration,
      RGAA_DECLARATIONS[t.accessibility.rgaaDeclaration as keyof typeof RGAA_DECLARATIONS] ??
        t.accessibility.rgaaDeclaration,
    ],
    documented: (t) => t.accessibility.rgaaDeclaration !== 'unknown',
  },
  {
    key: 'twoFactor',
    label: 'Double authentification',
    group: 'Sécurité',
    get: (t) => [t.security.twoFactor, yesNo(t.security.twoFactor)],
    documented: (t) => t.security.twoFactor !== null,
  },
  {
    key: 'endToEndEncryption',
    label: 'Chiffrement de bout en bout',
    group: 'Sécurité',
    get: (t) => [t.security.endToEndEncryption, yesNo(t.security.endToEndEncryption)],
    documented: (t) => t.security.endToEndEncryption !== null,
  },
  {
    key: 'secNumCloud',
    label: 'Qualification SecNumCloud',
    group: 'Sécurité',
    get: (t) => [t.security.secNumCloud, yesNo(t.security.secNumCloud)],
    documented: (t) => t.security.secNumCloud !== null,
  },
  {
    key: 'securityNote',
    label: 'Notes de sécurité',
    group: 'Sécurité',
    get: (t) => [t.security.note, t.security.note ?? '—'],
  },
  {
    key: 'sobriety',
    label: 'Sobriété',
    group: 'Sobriété',
    get: (t) => [t.sobriety, t.sobriety ?? '—'],
    documented: (t) => t.sobriety !== null,
  },
  {
    key: 'usersCount',
    label: 'Collectivités utilisatrices',
    group: 'Usage',
    get: (t) => [t.usersCount, String(t.usersCount)],
  },
  {
    key: 'rating',
    label: 'Note moyenne des avis',
    group: 'Usage',
    get: (t) => [
      t.rating,
      t.rating.average === null
        ? 'Aucun avis'
        : `${t.rating.average.toLocaleString('fr-FR')} / 5 (${t.rating.count} avis)`,
    ],
  },
  {
    key: 'offeredByMyOperator',
    label: 'Proposé par votre syndicat',
    group: 'Usage',
    get: (t) => [t.offeredByMyOperator, yesNo(t.offeredByMyOperator)],
  },
  {
    key: 'alternativeTo',
    label: 'Alternative à',
    group: 'Usage',
    get: (t) => [t.alternativeTo, list(t.alternativeTo)],
  },
]

/**
 * Every criterion of a tool in plain French (« Modèle de coût : Gratuit »), the fixed ones then
 * its custom ones: what the tool's page shows, in the order of the comparison table.
 */
export function criteriaOf(tool: ToolCore): ToolCriterion[] {
  return [
    ...CRITERIA.map((c) => ({ key: c.key, label: c.label, group: c.group, display: c.get(tool)[1] })),
    ...tool.attributes.map((a) => ({
      key: `attribute:${a.key}`,
      label: a.label,
      group: 'Critères complémentaires',
      display: a.valueLabel,
    })),
  ]
}

/**
 * How complete a tool's sheet is: of the facts an editor documents (licence, categories, usages,
 * hosting, data location, standards, accessibility, security, sobriety), which this tool states.
 * The editor's to-do list, and an honest « pas encore renseigné » on the public page.
 */
export function completenessOf(tool: ToolCore): ToolCompleteness {
  const documented = CRITERIA.filter((c) => c.documented)
  const missing = documented.filter((c) => !c.documented!(tool)).map((c) => ({ key: c.key, label: c.label }))
  return { documented: documented.length - missing.length, total: documented.length, missing }
}
