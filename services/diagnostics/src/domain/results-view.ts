import {
  CATEGORIES,
  type Category,
  LENSES,
  type Lens,
  POPULATION_BRACKETS,
  type PopulationBracket,
  THEMES,
  type Theme,
} from '@osinum/contracts'
import type { Diagnostic } from './db.js'
import {
  answerMap,
  type DiagnosticsContext,
  loadAnswers,
  questionnaireOf,
  submittedHistory,
} from './diagnostics.js'
import { NotSubmitted } from './errors.js'
import { comparisonSentence, formatPercent } from './national.js'
import type { Panorama, PanoramaFilters } from './panorama.js'
import { effectiveAnswers } from './questionnaire.js'
import type { StoredMeasure, StoredResult } from './result.js'
import type { Level } from './scoring.js'

export const LEVEL_LABELS: Record<Level, string> = {
  A: 'Très avancé',
  B: 'Avancé',
  C: 'Intermédiaire',
  D: 'En progression',
  E: 'Premiers pas',
}
export const EFFORT_LABELS = { low: 'Faible', medium: 'Moyen', high: 'Important' } as const

export interface MeasureView {
  ruleId: string
  title: string
  why: string
  how: string
  priority: number
  effort: 'low' | 'medium' | 'high'
  effortLabel: string
  themes: Array<{ id: string; label: string }>
  lenses: Array<{ id: string; label: string }>
  tools: Array<{ slug: string; name: string }>
  categories: Array<{ id: string; label: string }>
  resourceThemes: Array<{ id: string; label: string }>
  resources: Array<{ slug: string; title: string }>
  /** What the collectivité's syndicate offers for this measure; null when not known. */
  operatorOffer: {
    operatorId: string
    operatorName: string
    tools: Array<{ slug: string; name: string }>
    text: string
  } | null
  nationalIndicator: { id: string; label: string; value: number; sentence: string } | null
}

export interface NationalComparison {
  id: string
  label: string
  section: string
  national: number
  yours: 'yes' | 'no' | 'not-applicable'
  sentence: string
}

export interface PeerComparison {
  group: 'population-bracket' | 'departement' | 'operator'
  label: string
  published: boolean
  collectivites: number | null
  overallScore: number | null
  themes: Array<{ theme: string; score: number | null }>
}

export interface EvolutionView {
  previous: Array<{
    diagnosticId: string
    submittedAt: string
    questionnaireVersion: number
    overallScore: number
    level: string
    themeScores: Record<string, number | null>
  }>
  delta: {
    since: string
    overallScore: number
    themes: Array<{ theme: string; label: string; before: number | null; after: number | null }>
  } | null
  changedAnswers: Array<{ questionId: string; label: string; before: string[]; after: string[] }>
}

export interface ResultsView {
  diagnosticId: string
  organisation: {
    id: string
    name: string
    populationBracket: string | null
    populationBracketLabel: string | null
    departement: string | null
    region: string | null
    operator: { id: string; name: string } | null
  }
  questionnaire: { id: string; version: number; title: string }
  submittedAt: string
  level: Level
  levelLabel: string
  overallScore: number
  themes: Array<{ theme: string; label: string; score: number | null }>
  lenses: Array<{ lens: string; label: string; score: number | null }>
  strengths: Array<{ theme: string; label: string; score: number }>
  weaknesses: Array<{ theme: string; label: string; score: number }>
  priorities: MeasureView[]
  annex: MeasureView[]
  benchmarks: {
    national: {
      dataset: {
        id: string
        version: number
        title: string
        publishedAt: string
        respondents: number
        url: string
      }
      indicators: NationalComparison[]
    }
    peers: { minGroupSize: number; groups: PeerComparison[] }
    evolution: EvolutionView
  }
}

const themeLabel = (t: string) => THEMES[t as Theme] ?? t

/** Builds what the results page, the JSON report and the PDF show for a submitted diagnostic. */
export async function buildResultsView(
  ctx: DiagnosticsContext,
  panorama: Panorama,
  diagnostic: Diagnostic,
): Promise<ResultsView> {
  if (diagnostic.status !== 'submitted' || !diagnostic.result || !diagnostic.submitted_at)
    throw new NotSubmitted()
  const result = diagnostic.result as StoredResult
  const questionnaire = questionnaireOf(ctx, diagnostic)
  const { db, referential } = ctx
  const org = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', diagnostic.organisation_id)
    .executeTakeFirst()
  const operatorId = org?.operator_id ?? result.organisation.operatorId
  const operator = operatorId
    ? await db.selectFrom('operators').select(['id', 'name']).where('id', '=', operatorId).executeTakeFirst()
    : undefined

  // Links of the measures: tool names, the operator's offers and resources from the local projections.
  const slugs = [...new Set(result.measures.flatMap((m) => m.toolSlugs))]
  const tools = slugs.length
    ? await db.selectFrom('tools').select(['slug', 'name', 'status']).where('slug', 'in', slugs).execute()
    : []
  const toolName = new Map(tools.map((t) => [t.slug, t.name]))
  // A tool the catalogue archived (or unpublished) is no longer recommended; one not yet projected is.
  const withdrawn = new Set(tools.filter((t) => t.status !== 'published').map((t) => t.slug))
  const offers = operator
    ? await db
        .selectFrom('operator_offers as o')
        .innerJoin('tools as t', 't.slug', 'o.tool_slug')
        .select(['o.tool_slug as slug', 't.name', 't.categories', 't.status'])
        .where('o.operator_id', '=', operator.id)
        .where('o.active', '=', true)
        .orderBy('t.name')
        .execute()
    : []
  const resources = await db
    .selectFrom('resources')
    .select(['slug', 'title', 'themes', 'operator_id'])
    .orderBy('title')
    .execute()
  const visibleResources = resources.filter((r) => r.operator_id === null || r.operator_id === operatorId)
  const indicatorById = new Map(referential.national.indicators.map((i) => [i.id, i]))

  // "Votre syndicat propose…" only when the operator's offer is known, for a linked tool or category.
  const operatorOfferFor = (m: StoredMeasure): MeasureView['operatorOffer'] => {
    if (!operator) return null
    const offered = offers.filter(
      (o) =>
        o.status === 'published' &&
        (m.toolSlugs.includes(o.slug) ||
          (o.categories as unknown as string[]).some((c) => (m.categories as string[]).includes(c))),
    )
    if (!offered.length) return null
    return {
      operatorId: operator.id,
      operatorName: operator.name,
      tools: offered.map((o) => ({ slug: o.slug, name: o.name })),
      text: `Votre syndicat, ${operator.name}, propose : ${offered.map((o) => o.name).join(', ')}.`,
    }
  }

  const measureView = (m: StoredMeasure): MeasureView => {
    const indicator = m.nationalIndicator ? indicatorById.get(m.nationalIndicator) : undefined
    const themes = m.resourceThemes as string[]
    // Resources of the operator first, then national ones; at most three.
    const linked = visibleResources
      .filter((r) => (r.themes as unknown as string[]).some((t) => themes.includes(t)))
      .sort((a, b) => Number(b.operator_id !== null) - Number(a.operator_id !== null))
      .slice(0, 3)
    return {
      ruleId: m.ruleId,
      title: m.title,
      why: m.why,
      how: m.how,
      priority: m.priority,
      effort: m.effort,
      effortLabel: EFFORT_LABELS[m.effort],
      themes: m.themes.map((t) => ({ id: t, label: themeLabel(t) })),
      lenses: m.lenses.map((l) => ({ id: l, label: LENSES[l as Lens] })),
      tools: m.toolSlugs
        .filter((slug) => !withdrawn.has(slug))
        .map((slug) => ({ slug, name: toolName.get(slug) ?? slug })),
      categories: m.categories.map((c) => ({ id: c, label: CATEGORIES[c as Category] ?? c })),
      resourceThemes: m.resourceThemes.map((t) => ({ id: t, label: themeLabel(t) })),
      resources: linked.map((r) => ({ slug: r.slug, title: r.title })),
      operatorOffer: operatorOfferFor(m),
      nationalIndicator: indicator
        ? {
            id: indicator.id,
            label: indicator.label,
            value: indicator.value,
            sentence: comparisonSentence(indicator, result.indicators[indicator.id] ?? null),
          }
        : null,
    }
  }

  const scores = result.scores
  const nationalIndicators: NationalComparison[] = referential.national.indicators.map((i) => {
    const state = result.indicators[i.id] ?? null
    return {
      id: i.id,
      label: i.label,
      section: i.section,
      national: i.value,
      yours: state === null ? 'not-applicable' : state ? 'yes' : 'no',
      sentence: comparisonSentence(i, state),
    }
  })

  // Peers: the panorama's published groups this collectivité belongs to.
  const snapshot = await panorama.current()
  const bracket = org?.population_bracket ?? result.organisation.populationBracket
  const departement = org?.departement ?? result.organisation.departement
  const peerGroups: Array<{
    group: PeerComparison['group']
    label: string
    filters: PanoramaFilters | null
  }> = [
    {
      group: 'population-bracket',
      label: bracket
        ? `Collectivités de même taille (${POPULATION_BRACKETS[bracket as PopulationBracket] ?? bracket})`
        : 'Collectivités de même taille',
      filters: bracket ? { populationBracket: bracket } : null,
    },
    {
      group: 'departement',
      label: departement
        ? `Collectivités du département ${departement}`
        : 'Collectivités du même département',
      filters: departement ? { departement } : null,
    },
    {
      group: 'operator',
      label: operator ? `Collectivités accompagnées par ${operator.name}` : 'Collectivités du même syndicat',
      filters: operatorId ? { operatorId } : null,
    },
  ]
  const peers: PeerComparison[] = peerGroups.map((g) => {
    const r = g.filters ? panorama.group(snapshot, g.filters) : null
    if (!r?.published)
      return {
        group: g.group,
        label: g.label,
        published: false,
        collectivites: null,
        overallScore: null,
        themes: [],
      }
    return {
      group: g.group,
      label: g.label,
      published: true,
      collectivites: r.stats.collectivites,
      overallScore: r.stats.overallScore,
      themes: r.stats.themes
        .filter((t) => questionnaire.themes.includes(t.theme))
        .map((t) => ({ theme: t.theme, score: t.score })),
    }
  })

  const evolution = await buildEvolution(ctx, diagnostic, result)
  return {
    diagnosticId: diagnostic.id,
    organisation: {
      id: diagnostic.organisation_id,
      name: org?.name ?? result.organisation.name ?? 'Collectivité',
      populationBracket: bracket ?? null,
      populationBracketLabel: bracket ? (POPULATION_BRACKETS[bracket as PopulationBracket] ?? null) : null,
      departement: departement ?? null,
      region: org?.region ?? result.organisation.region,
      operator: operator ? { id: operator.id, name: operator.name } : null,
    },
    questionnaire: { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title },
    submittedAt: diagnostic.submitted_at.toISOString(),
    level: scores.level,
    levelLabel: LEVEL_LABELS[scores.level],
    overallScore: scores.overallScore,
    themes: questionnaire.themes.map((t) => ({
      theme: t,
      label: themeLabel(t),
      score: scores.themeScores[t] ?? null,
    })),
    lenses: (Object.keys(LENSES) as Lens[]).map((l) => ({
      lens: l,
      label: LENSES[l],
      score: scores.lensScores[l],
    })),
    strengths: scores.strengths.map((t) => ({
      theme: t,
      label: themeLabel(t),
      score: scores.themeScores[t] as number,
    })),
    weaknesses: scores.weaknesses.map((t) => ({
      theme: t,
      label: themeLabel(t),
      score: scores.themeScores[t] as number,
    })),
    priorities: result.measures.filter((m) => m.isPriority).map(measureView),
    annex: result.measures.filter((m) => !m.isPriority).map(measureView),
    benchmarks: {
      national: {
        dataset: {
          id: referential.national.id,
          version: referential.national.version,
          title: referential.national.source.title,
          publishedAt: referential.national.source.publishedAt,
          respondents: referential.national.source.respondents,
          url: referential.national.source.dataset,
        },
        indicators: nationalIndicators,
      },
      peers: { minGroupSize: panorama.minGroupSize, groups: peers },
      evolution,
    },
  }
}

/** Earlier submitted diagnostics of the collectivité, and what changed since the previous one. */
async function buildEvolution(
  ctx: DiagnosticsContext,
  diagnostic: Diagnostic,
  result: StoredResult,
): Promise<EvolutionView> {
  const history = await submittedHistory(ctx.db, diagnostic.organisation_id)
  const previous = history.filter(
    (d) =>
      d.id !== diagnostic.id &&
      d.submitted_at &&
      diagnostic.submitted_at &&
      d.submitted_at <= diagnostic.submitted_at,
  )
  const view: EvolutionView = {
    previous: previous.map((d) => {
      const r = d.result as StoredResult
      return {
        diagnosticId: d.id,
        submittedAt: d.submitted_at!.toISOString(),
        questionnaireVersion: d.questionnaire_version,
        overallScore: r.scores.overallScore,
        level: r.scores.level,
        themeScores: r.scores.themeScores,
      }
    }),
    delta: null,
    changedAnswers: [],
  }
  const last = previous.at(-1)
  if (!last) return view
  const before = last.result as StoredResult
  const themes = [
    ...new Set([...Object.keys(before.scores.themeScores), ...Object.keys(result.scores.themeScores)]),
  ]
  view.delta = {
    since: last.submitted_at!.toISOString(),
    overallScore: Math.round((result.scores.overallScore - before.scores.overallScore) * 10) / 10,
    themes: themes.map((t) => ({
      theme: t,
      label: themeLabel(t),
      before: before.scores.themeScores[t] ?? null,
      after: result.scores.themeScores[t] ?? null,
    })),
  }
  // Answers compared question by question, through the declared mapping when versions differ.
  const questionnaire = questionnaireOf(ctx, diagnostic)
  const lastQuestionnaire = ctx.referential.questionnaire(last.questionnaire_version)
  if (!lastQuestionnaire) return view
  const now = effectiveAnswers(questionnaire, answerMap(await loadAnswers(ctx.db, diagnostic.id)))
  const then = ctx.referential.translate(
    effectiveAnswers(lastQuestionnaire, answerMap(await loadAnswers(ctx.db, last.id))),
    last.questionnaire_version,
    diagnostic.questionnaire_version,
  )
  if (!then) return view
  const optionLabel = (qid: string, ids: string[]) =>
    ids.map((o) => questionnaire.byId.get(qid)?.options.find((x) => x.id === o)?.label ?? o)
  for (const q of questionnaire.questions) {
    const a = then[q.id]
    const b = now[q.id]
    if (!a || !b) continue
    const same = a.length === b.length && [...a].sort().join() === [...b].sort().join()
    if (!same)
      view.changedAnswers.push({
        questionId: q.id,
        label: q.label,
        before: optionLabel(q.id, a),
        after: optionLabel(q.id, b),
      })
  }
  return view
}

export { formatPercent }
