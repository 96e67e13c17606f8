import { CATEGORIES, THEMES } from '@osinum/contracts'
import { FieldsError } from '@osinum/service-kit'
import type { ToolDetail } from '../schemas.js'
import type { DbContext } from './db.js'
import { CompareCount } from './errors.js'
import type { SearchIndex } from './search.js'
import { detailOfRow } from './tools.js'
import type { Viewer } from './viewer.js'
import { COST_MODELS, DATA_LOCATIONS, HOSTING_MODES, RGAA_DECLARATIONS, SKILL_LEVELS } from './vocabulary.js'

type Row = {
  key: string
  label: string
  group: string
  values: Array<{ slug: string; value: unknown; display: string }>
}

const yesNo = (v: boolean | null) => (v === null ? 'Non renseigné' : v ? 'Oui' : 'Non')
const list = (values: string[], labels?: Record<string, string>) =>
  values.length ? values.map((v) => labels?.[v] ?? v).join(', ') : '—'

/** Criteria every tool has, in the order of the comparison table. */
const CRITERIA: Array<{
  key: string
  label: string
  group: string
  get: (t: ToolDetail) => [unknown, string]
}> = [
  { key: 'licence', label: 'Licence', group: 'Général', get: (t) => [t.licence, t.licence] },
  { key: 'isFree', label: 'Logiciel libre', group: 'Général', get: (t) => [t.isFree, yesNo(t.isFree)] },
  {
    key: 'categories',
    label: 'Catégories',
    group: 'Général',
    get: (t) => [t.categories, list(t.categories, CATEGORIES)],
  },
  { key: 'themes', label: 'Usages', group: 'Général', get: (t) => [t.themes, list(t.themes, THEMES)] },
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
  },
  {
    key: 'dataLocations',
    label: 'Localisation des données',
    group: 'Hébergement et données',
    get: (t) => {
      const locations = [...new Set(t.hosting.map((h) => h.dataLocation))]
      return [locations, list(locations, DATA_LOCATIONS)]
    },
  },
  {
    key: 'standards',
    label: 'Standards et formats ouverts',
    group: 'Interopérabilité',
    get: (t) => [t.standards, list(t.standards)],
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
  },
  {
    key: 'twoFactor',
    label: 'Double authentification',
    group: 'Sécurité',
    get: (t) => [t.security.twoFactor, yesNo(t.security.twoFactor)],
  },
  {
    key: 'endToEndEncryption',
    label: 'Chiffrement de bout en bout',
    group: 'Sécurité',
    get: (t) => [t.security.endToEndEncryption, yesNo(t.security.endToEndEncryption)],
  },
  {
    key: 'secNumCloud',
    label: 'Qualification SecNumCloud',
    group: 'Sécurité',
    get: (t) => [t.security.secNumCloud, yesNo(t.security.secNumCloud)],
  },
  {
    key: 'securityNote',
    label: 'Notes de sécurité',
    group: 'Sécurité',
    get: (t) => [t.security.note, t.security.note ?? '—'],
  },
  { key: 'sobriety', label: 'Sobriété', group: 'Sobriété', get: (t) => [t.sobriety, t.sobriety ?? '—'] },
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

/** Two to four tools side by side on every criterion, custom ones included. */
export async function compareTools(ctx: DbContext, index: SearchIndex, slugsParam: string, viewer: Viewer) {
  const slugs = [
    ...new Set(
      slugsParam
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
  if (slugs.length < 2 || slugs.length > 4) throw new CompareCount(String(slugs.length))
  const rows = await ctx.db.selectFrom('tools').selectAll().where('slug', 'in', slugs).execute()
  const visible = rows.filter((r) => r.status === 'published' || viewer.isEditor)
  const missing = slugs.filter((s) => !visible.some((r) => r.slug === s))
  if (missing.length)
    throw new FieldsError(
      missing.map((s) => ({ field: 'querystring.slugs', message: `unknown tool "${s}"` })),
      { status: 422, code: 'OSI_CATALOGUE_UNKNOWN_TOOL' },
    )
  const snapshot = await index.current()
  const tools = await Promise.all(
    slugs.map((s) => detailOfRow(ctx, snapshot, visible.find((r) => r.slug === s)!, viewer)),
  )
  const table: Row[] = CRITERIA.map((c) => ({
    key: c.key,
    label: c.label,
    group: c.group,
    values: tools.map((t) => {
      const [value, display] = c.get(t)
      return { slug: t.slug, value, display }
    }),
  }))
  // Custom criteria: every one the viewer sees that any compared tool has a value for.
  const custom = new Map<string, { label: string }>()
  for (const t of tools) for (const a of t.attributes) custom.set(a.key, { label: a.label })
  for (const [key, { label }] of custom)
    table.push({
      key: `attribute:${key}`,
      label,
      group: 'Critères complémentaires',
      values: tools.map((t) => {
        const a = t.attributes.find((x) => x.key === key)
        return { slug: t.slug, value: a?.value ?? null, display: a?.valueLabel ?? '—' }
      }),
    })
  return { tools, rows: table }
}
