import type { DbContext } from './db.js'
import type { SearchIndex } from './search.js'
import { inputOfRow } from './tools.js'

/** Open-data export of the published catalogue (Licence Ouverte 2.0). */
export const EXPORT_LICENCE = 'Licence Ouverte / Open Licence 2.0 (etalab-2.0)'

/**
 * The CSV columns, in order, with their meaning (the README documents them too). Lists are
 * joined with " | ". Custom criteria defined nationally follow as `attr_<key>` columns.
 */
export const CSV_COLUMNS: Array<[string, string]> = [
  ['slug', 'Identifiant stable de l’outil'],
  ['name', 'Nom'],
  ['summary', 'Résumé en une phrase'],
  ['description', 'Description (Markdown)'],
  ['website', 'Site officiel'],
  ['repository', 'Dépôt du code source'],
  ['licence', 'Licence (identifiant SPDX)'],
  ['is_free', 'Logiciel libre (true/false)'],
  ['categories', 'Catégories (identifiants)'],
  ['themes', 'Usages du questionnaire servis (identifiants)'],
  ['hosting_modes', 'Modes d’hébergement : saas, self-hosted, operator'],
  ['data_locations', 'Localisation des données : france, eu, outside-eu, depends'],
  ['standards', 'Standards et formats ouverts'],
  ['rgaa_declaration', 'Déclaration d’accessibilité RGAA : full, partial, none, unknown'],
  ['two_factor', 'Double authentification (true/false/vide)'],
  ['end_to_end_encryption', 'Chiffrement de bout en bout (true/false/vide)'],
  ['secnumcloud', 'Qualification SecNumCloud (true/false)'],
  ['sobriety', 'Note de sobriété'],
  ['cost_model', 'Modèle de coût'],
  ['skill_level', 'Compétences nécessaires : beginner, intermediate, expert'],
  ['alternative_to', 'Produits remplacés'],
  ['wikidata', 'Identifiant Wikidata'],
  ['sill', 'Identifiant SILL'],
  ['comptoir_du_libre', 'Identifiant Comptoir du Libre'],
  ['framalibre', 'Identifiant Framalibre'],
  ['users_count', 'Nombre de collectivités déclarant l’utiliser'],
  ['rating_average', 'Note moyenne des avis publiés (1 à 5)'],
  ['rating_count', 'Nombre d’avis publiés'],
  ['updated_at', 'Dernière mise à jour (ISO 8601)'],
]

export async function exportCatalogue(ctx: DbContext, index: SearchIndex, publicUrl: string) {
  const snapshot = await index.current()
  const [rows, criteria, values] = await Promise.all([
    ctx.db.selectFrom('tools').selectAll().where('status', '=', 'published').orderBy('slug').execute(),
    ctx.db.selectFrom('criteria').selectAll().where('operator_id', 'is', null).orderBy('key').execute(),
    ctx.db
      .selectFrom('tool_attribute_values as v')
      .innerJoin('criteria as c', 'c.id', 'v.criterion_id')
      .select(['v.tool_id', 'c.key', 'v.value'])
      .where('c.operator_id', 'is', null)
      .execute(),
  ])
  const base = publicUrl.replace(/\/$/, '')
  const attributes = new Map<string, Record<string, boolean | number | string>>()
  for (const v of values) {
    const record = attributes.get(v.tool_id) ?? {}
    record[v.key] = v.value
    attributes.set(v.tool_id, record)
  }
  const tools = rows.map((row) => {
    const input = inputOfRow(row)
    const indexed = snapshot.byId.get(row.id)
    return {
      slug: row.slug,
      url: `${base}/v1/tools/${row.slug}`,
      name: row.name,
      summary: row.summary,
      description: row.description_md,
      website: row.website,
      repository: row.repository,
      logoUrl: row.logo_url,
      licence: row.licence,
      isFree: row.is_free,
      categories: row.categories,
      themes: row.themes,
      hosting: input.hosting.map((h) => ({
        mode: h.mode,
        dataLocation: h.dataLocation,
        note: h.note ?? null,
      })),
      standards: row.standards,
      accessibility: {
        rgaaDeclaration: input.accessibility.rgaaDeclaration,
        declarationUrl: input.accessibility.declarationUrl ?? null,
        note: input.accessibility.note ?? null,
      },
      security: {
        twoFactor: input.security.twoFactor,
        endToEndEncryption: input.security.endToEndEncryption,
        secNumCloud: input.security.secNumCloud,
        note: input.security.note ?? null,
      },
      sobriety: row.sobriety,
      costModel: row.cost_model,
      skillLevel: row.skill_level,
      alternativeTo: row.alternative_to,
      externalIds: input.externalIds,
      usersCount: indexed?.usersCount ?? 0,
      rating: { average: indexed?.ratingAverage ?? null, count: indexed?.ratingCount ?? 0 },
      attributes: attributes.get(row.id) ?? {},
      updatedAt: new Date(row.updated_at).toISOString(),
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    }
  })
  return {
    generatedAt: new Date().toISOString(),
    licence: EXPORT_LICENCE,
    count: tools.length,
    criteria: criteria.map((c) => ({
      key: c.key,
      label: c.label,
      kind: c.kind,
      unit: c.unit,
      options: c.options,
    })),
    tools,
  }
}

/** RFC 4180 cell; cells that a spreadsheet would run as a formula are prefixed with a quote. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = Array.isArray(value) ? value.join(' | ') : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(data: Awaited<ReturnType<typeof exportCatalogue>>): string {
  const attrColumns = data.criteria.map((c) => `attr_${c.key.replace(/-/g, '_')}`)
  const header = [...CSV_COLUMNS.map(([name]) => name), ...attrColumns]
  const lines = data.tools.map((t) =>
    [
      t.slug,
      t.name,
      t.summary,
      t.description,
      t.website,
      t.repository,
      t.licence,
      t.isFree,
      t.categories,
      t.themes,
      [...new Set(t.hosting.map((h) => h.mode))],
      [...new Set(t.hosting.map((h) => h.dataLocation))],
      t.standards,
      t.accessibility.rgaaDeclaration,
      t.security.twoFactor,
      t.security.endToEndEncryption,
      t.security.secNumCloud,
      t.sobriety,
      t.costModel,
      t.skillLevel,
      t.alternativeTo,
      t.externalIds.wikidata,
      t.externalIds.sill,
      t.externalIds.comptoirDuLibre,
      t.externalIds.framalibre,
      t.usersCount,
      t.rating.average,
      t.rating.count,
      t.updatedAt,
      ...data.criteria.map((c) => (t.attributes as Record<string, unknown>)[c.key]),
    ]
      .map(cell)
      .join(','),
  )
  // A BOM so that spreadsheet software opens the UTF-8 accents correctly.
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`
}
