import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LENSES, POPULATION_BRACKETS, type PopulationBracket, THEMES } from '@osinum/contracts'
import { Type } from 'typebox'
import {
  DIMENSIONS,
  type Dimension,
  type GroupResult,
  type PanoramaFilters,
  type PublishedStats,
} from '../../domain/panorama.js'
import { LEVELS } from '../../domain/scoring.js'
import { PanoramaFiltersSchema, PanoramaView } from '../../schemas.js'
import type { RouteOptions } from '../context.js'

const GroupBy = Type.Union(DIMENSIONS.map((d) => Type.Literal(d)))
const NOTE =
  'Agrégats sur le dernier diagnostic validé de chaque collectivité vérifiée, publiés par éditions datées. Un groupe n’est publié que s’il réunit au moins ' +
  'le nombre minimal de collectivités et qu’aucune combinaison de filtres ne permet d’isoler un groupe plus petit ; ' +
  'sinon il est masqué (published = false). Les nouveaux résultats entrent dans une édition par lots assez grands pour que la comparaison de deux éditions ne révèle aucune collectivité.'

/** The CSV columns, in order (documented in the README). */
export function csvColumns(indicatorIds: string[]): string[] {
  const slug = (s: string) => s.replace(/[^a-z0-9]+/gi, '_').toLowerCase()
  return [
    'scope',
    'operator_id',
    'operator_name',
    'region',
    'departement',
    'population_bracket',
    'collectivites',
    'overall_score_mean',
    ...LEVELS.map((l) => `level_${l.toLowerCase()}`),
    ...Object.keys(THEMES).map((t) => `theme_${slug(t)}_mean`),
    ...Object.keys(LENSES).map((l) => `lens_${l}_mean`),
    ...indicatorIds.flatMap((id) => [`ind_${slug(id)}_pct`, `ind_${slug(id)}_base`]),
  ]
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const s = String(value)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const panoramaRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { ctx, panorama }) => {
  const labelOf = (filters: PanoramaFilters, names: Map<string, string>) => {
    const parts: string[] = []
    if (filters.operatorId) parts.push(names.get(filters.operatorId) ?? 'Syndicat')
    if (filters.region) parts.push(`Région ${filters.region}`)
    if (filters.departement) parts.push(`Département ${filters.departement}`)
    if (filters.populationBracket)
      parts.push(
        POPULATION_BRACKETS[filters.populationBracket as PopulationBracket] ?? filters.populationBracket,
      )
    return parts.length ? parts.join(' · ') : 'Toutes les collectivités'
  }
  const labelled = (stats: PublishedStats) => ({
    ...stats,
    themes: stats.themes.map((t) => ({ ...t, label: THEMES[t.theme] })),
    lenses: stats.lenses.map((l) => ({ ...l, label: LENSES[l.lens] })),
  })
  const view = (g: GroupResult, names: Map<string, string>) => ({
    filters: g.filters,
    label: labelOf(g.filters, names),
    published: g.published,
    stats: g.published ? labelled(g.stats) : null,
  })
  const filtersOf = (q: PanoramaFilters): PanoramaFilters =>
    Object.fromEntries(DIMENSIONS.filter((d) => q[d] !== undefined).map((d) => [d, q[d]])) as PanoramaFilters

  app.get(
    '/v1/panorama',
    {
      config: { access: 'public' },
      schema: {
        tags: ['diagnostics'],
        operationId: 'getPanorama',
        summary: 'Anonymised aggregate statistics over the latest diagnostic of each collectivité',
        querystring: Type.Object(
          { ...PanoramaFiltersSchema.properties, groupBy: Type.Optional(GroupBy) },
          { additionalProperties: false },
        ),
        response: { 200: PanoramaView, 400: { $ref: 'Problem#' } },
      },
    },
    async (request) => {
      const filters = filtersOf(request.query)
      const snapshot = await panorama.current()
      const names = snapshot.operatorNames
      const group = panorama.group(snapshot, filters)
      const breakdown =
        request.query.groupBy && group.published
          ? panorama.breakdown(snapshot, filters, request.query.groupBy)
          : []
      return {
        minGroupSize: panorama.minGroupSize,
        generatedAt: snapshot.builtAt.toISOString(),
        release:
          snapshot.release === null
            ? null
            : { number: snapshot.release, publishedAt: snapshot.builtAt.toISOString() },
        nationalDataset: { id: ctx.referential.national.id, version: ctx.referential.national.version },
        indicators: panorama.options.indicators.map((i) => ({ id: i.id, label: i.label, national: i.value })),
        group: view(group, names),
        breakdown: breakdown.map((g) => view(g, names)),
        note: NOTE,
      }
    },
  )

  app.get(
    '/v1/panorama.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['diagnostics'],
        operationId: 'getPanoramaCsv',
        summary: 'The panorama as CSV (open data): one row per published group, documented columns',
        querystring: Type.Object(
          { ...PanoramaFiltersSchema.properties, groupBy: Type.Optional(GroupBy) },
          { additionalProperties: false },
        ),
        produces: ['text/csv'],
        response: {
          200: {
            description: 'CSV (UTF-8, comma-separated, header row)',
            content: { 'text/csv': { schema: Type.String() } },
          },
          400: { $ref: 'Problem#' },
        },
      },
    },
    async (request, reply) => {
      const filters = filtersOf(request.query)
      const snapshot = await panorama.current()
      const names = snapshot.operatorNames
      const indicators = panorama.options.indicators
      const columns = csvColumns(indicators.map((i) => i.id))
      const lines = [columns.join(',')]
      // First row: the 2023 national survey figures, for comparison.
      lines.push(
        [
          'national-2023',
          ...new Array(5).fill(''),
          ctx.referential.national.source.respondents,
          ...new Array(1 + LEVELS.length + Object.keys(THEMES).length + Object.keys(LENSES).length).fill(''),
          ...indicators.flatMap((i) => [i.value, '']),
        ]
          .map(csvCell)
          .join(','),
      )
      const rows: Array<{ scope: string; group: GroupResult & { published: true } }> = []
      const total = panorama.group(snapshot, filters)
      if (total.published) {
        rows.push({ scope: 'selection', group: total })
        const dims: Dimension[] = request.query.groupBy
          ? [request.query.groupBy]
          : DIMENSIONS.filter((d) => filters[d] === undefined)
        for (const d of dims)
          for (const g of panorama.breakdown(snapshot, filters, d)) rows.push({ scope: `by-${d}`, group: g })
      }
      for (const { scope, group } of rows) {
        const s = group.stats
        const f = group.filters
        lines.push(
          [
            scope,
            f.operatorId ?? '',
            f.operatorId ? (names.get(f.operatorId) ?? '') : '',
            f.region ?? '',
            f.departement ?? '',
            f.populationBracket ?? '',
            s.collectivites,
            s.overallScore,
            ...LEVELS.map((l) => s.levels[l]),
            ...s.themes.map((t) => t.score),
            ...s.lenses.map((l) => l.score),
            ...s.indicators.flatMap((i) => [i.value, i.base]),
          ]
            .map(csvCell)
            .join(','),
        )
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="osinum-panorama.csv"')
        .send(`${lines.join('\n')}\n`)
    },
  )
}
