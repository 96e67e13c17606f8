import { type Static, Type } from 'typebox'
import { Value } from 'typebox/value'
import type { Answers, Questionnaire } from './questionnaire.js'

const Ref = Type.Object(
  { id: Type.String(), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)
export const MappingSchema = Type.Object(
  {
    from: Ref,
    to: Ref,
    questions: Type.Record(
      Type.String(),
      Type.Object(
        { to: Type.String(), options: Type.Record(Type.String(), Type.String()) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type MappingData = Static<typeof MappingSchema>

export interface Mapping extends MappingData {}

/**
 * Validates a mapping against the two questionnaires it links: every source question and option
 * exists in `from`, every target in `to`.
 */
export function loadMapping(data: unknown, from: Questionnaire, to: Questionnaire): Mapping {
  if (!Value.Check(MappingSchema, data)) {
    const problems = [...Value.Errors(MappingSchema, data)]
      .slice(0, 10)
      .map((e) => `${e.instancePath} ${e.message}`)
    throw new Error(`invalid mapping: ${problems.join('; ')}`)
  }
  const m = data as MappingData
  const problems: string[] = []
  if (m.from.id !== from.id || m.from.version !== from.version) problems.push('from does not match')
  if (m.to.id !== to.id || m.to.version !== to.version) problems.push('to does not match')
  for (const [qid, entry] of Object.entries(m.questions)) {
    const a = from.byId.get(qid)
    const b = to.byId.get(entry.to)
    if (!a) problems.push(`unknown source question ${qid}`)
    if (!b) problems.push(`unknown target question ${entry.to}`)
    for (const [oa, ob] of Object.entries(entry.options)) {
      if (a && !a.options.some((o) => o.id === oa)) problems.push(`${qid} has no option ${oa}`)
      if (b && !b.options.some((o) => o.id === ob)) problems.push(`${entry.to} has no option ${ob}`)
    }
  }
  if (problems.length)
    throw new Error(`invalid mapping v${m.from.version}→v${m.to.version}: ${problems.join('; ')}`)
  return m
}

/**
 * Translates answers of `from` into the question and option ids of `to`. Questions or options the
 * mapping does not name have no counterpart and are left out.
 */
export function translateAnswers(mapping: Mapping, answers: Answers): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [qid, selected] of Object.entries(answers)) {
    const entry = mapping.questions[qid]
    if (!entry) continue
    const mapped = selected.map((o) => entry.options[o]).filter((o): o is string => o !== undefined)
    if (mapped.length) out[entry.to] = [...new Set(mapped)]
  }
  return out
}

/** Translates a (question, options) reference of `from` into `to`, or null without counterpart. */
export function translateReference(
  mapping: Mapping,
  question: string,
  options: readonly string[],
): { question: string; options: string[] } | null {
  const entry = mapping.questions[question]
  if (!entry) return null
  const mapped = options.map((o) => entry.options[o]).filter((o): o is string => o !== undefined)
  return mapped.length ? { question: entry.to, options: [...new Set(mapped)] } : null
}
