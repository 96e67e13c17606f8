import mappingV1toV2 from '../data/mappings/v1-to-v2.json' with { type: 'json' }
import national2023 from '../data/national-2023.json' with { type: 'json' }
import questionnaireV1 from '../data/questionnaire-v1.json' with { type: 'json' }
import rulesV1 from '../data/rules-v1.json' with { type: 'json' }
import { loadMapping, type Mapping, translateAnswers, translateReference } from './mapping.js'
import { type Indicator, loadNationalDataset, type NationalDataset } from './national.js'
import { type Answers, loadQuestionnaire, type Questionnaire } from './questionnaire.js'
import { loadRules, type RuleSet } from './rules.js'

/** Extra data a host can add (tests add the v2 fixture); production ships only `src/data`. */
export interface ReferentialOptions {
  questionnaires?: unknown[]
  rules?: unknown[]
  mappings?: unknown[]
}

/** An indicator expressed in the question ids of one questionnaire version. */
export interface VersionedIndicator extends Indicator {
  /** False when the version has no counterpart for the indicator's question or answers. */
  available: boolean
}

/**
 * Every versioned data file of the diagnostic, validated at load: questionnaires, rules per version,
 * mappings between versions and the national dataset. New diagnostics use the latest version; a
 * diagnostic is always read with its own version.
 */
export class Referential {
  readonly questionnaires = new Map<number, Questionnaire>()
  readonly rules = new Map<number, RuleSet>()
  readonly national: NationalDataset
  private readonly mappings: Mapping[] = []
  private readonly indicatorCache = new Map<number, VersionedIndicator[]>()
  readonly id: string

  constructor(options: ReferentialOptions = {}) {
    this.national = loadNationalDataset(national2023)
    const indicatorIds = new Set(this.national.indicators.map((i) => i.id))
    for (const data of [questionnaireV1, ...(options.questionnaires ?? [])]) {
      const q = loadQuestionnaire(data)
      if (this.questionnaires.has(q.version))
        throw new Error(`questionnaire version ${q.version} loaded twice`)
      this.questionnaires.set(q.version, q)
    }
    const ids = new Set([...this.questionnaires.values()].map((q) => q.id))
    if (ids.size !== 1) throw new Error('all questionnaire versions must share one id')
    this.id = [...ids][0]!
    for (const data of [rulesV1, ...(options.rules ?? [])]) {
      const target = (data as { questionnaire?: { version?: number } }).questionnaire?.version ?? 0
      const q = this.questionnaires.get(target)
      if (!q) throw new Error(`rules for unknown questionnaire version ${target}`)
      this.rules.set(target, loadRules(data, q, indicatorIds))
    }
    for (const data of [mappingV1toV2, ...(options.mappings ?? [])]) {
      const d = data as { from: { version: number }; to: { version: number } }
      const from = this.questionnaires.get(d.from.version)
      const to = this.questionnaires.get(d.to.version)
      // A mapping towards a version this host does not serve is kept for later but not checked.
      if (from && to) this.mappings.push(loadMapping(data, from, to))
    }
    for (const q of this.questionnaires.values())
      if (q.version !== 1 && this.indicators(q.version).every((i) => !i.available))
        throw new Error(`questionnaire v${q.version} has no mapping from v1`)
  }

  get latest(): Questionnaire {
    return this.questionnaires.get(Math.max(...this.questionnaires.keys()))!
  }

  questionnaire(version: number): Questionnaire | undefined {
    return this.questionnaires.get(version)
  }

  rulesFor(version: number): RuleSet {
    return this.rules.get(version) ?? { version: 0, questionnaire: { id: this.id, version }, rules: [] }
  }

  /** The chain of mappings from version `from` to version `to` (forward only), or null. */
  private chain(from: number, to: number): Mapping[] | null {
    if (from === to) return []
    const step = this.mappings.find((m) => m.from.version === from)
    if (!step || step.to.version > to) return null
    const rest = this.chain(step.to.version, to)
    return rest ? [step, ...rest] : null
  }

  /**
   * Answers of version `from` expressed in version `to` (through the declared mappings), for
   * comparisons across versions; null when no mapping links them. Older → newer only.
   */
  translate(answers: Answers, from: number, to: number): Record<string, string[]> | null {
    const chain = this.chain(from, to)
    if (!chain) return null
    let current: Record<string, string[]> = Object.fromEntries(
      Object.entries(answers).map(([k, v]) => [k, [...v]]),
    )
    for (const m of chain) current = translateAnswers(m, current)
    return current
  }

  /** The national indicators (defined on v1) in the question ids of `version`. */
  indicators(version: number): VersionedIndicator[] {
    const cached = this.indicatorCache.get(version)
    if (cached) return cached
    const chain = this.chain(1, version)
    const list = this.national.indicators.map((indicator): VersionedIndicator => {
      if (!chain) return { ...indicator, available: false }
      let ref: { question: string; options: string[] } | null = {
        question: indicator.question,
        options: [...indicator.answers],
      }
      for (const m of chain) ref = ref ? translateReference(m, ref.question, ref.options) : null
      return ref
        ? { ...indicator, question: ref.question, answers: ref.options, available: true }
        : { ...indicator, available: false }
    })
    this.indicatorCache.set(version, list)
    return list
  }
}

let shared: Referential | undefined
/** The referential of the shipped data (v1 and its rules), built once per process. */
export function defaultReferential(): Referential {
  shared ??= new Referential()
  return shared
}
