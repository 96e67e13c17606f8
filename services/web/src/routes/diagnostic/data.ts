import type { paths } from '@osinum/client'
import { questionVisibility, THEMES } from '@osinum/contracts'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Api } from '../../api.js'
import { errorPage } from '../../errors.html.js'
import { render } from '../../view.js'

type Json<P extends keyof paths, M extends 'get' | 'post' | 'patch'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } }
}
  ? T
  : never

export type Detail = Json<'/v1/diagnostics/{id}', 'get'>
export type Summary = Json<'/v1/diagnostics', 'get'>['items'][number]
export type Questionnaire = Json<'/v1/questionnaires/{version}', 'get'>
export type Question = Questionnaire['questions'][number]
export type Results = Json<'/v1/diagnostics/{id}/results', 'get'>
/** Question id → selected option ids. */
export type Answers = Record<string, string[]>

/** One step of the wizard: one theme and its questions, in the questionnaire's order. */
export interface Step {
  number: number
  theme: string
  label: string
  questions: Question[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isId = (id: string) => UUID.test(id)

/**
 * A questionnaire version never changes once published (the service freezes results on it), so
 * the pages keep each version they fetched: a wizard step costs one API call, the diagnostic.
 */
const versions = new Map<number, Promise<Questionnaire>>()

export function questionnaireOf(request: FastifyRequest, version: number): Promise<Questionnaire> {
  let cached = versions.get(version)
  if (!cached) {
    cached = request.server.web
      .publicApi(request)
      .GET('/v1/questionnaires/{version}', { params: { path: { version } } })
      .then(({ data }) => {
        if (!data) throw new Error(`questionnaire v${version} not found`)
        return data
      })
    cached.catch(() => versions.delete(version))
    versions.set(version, cached)
  }
  return cached
}

/** The steps: one per theme, in the order its first question comes. */
export function stepsOf(q: Questionnaire): Step[] {
  const steps: Step[] = []
  for (const question of q.questions) {
    let step = steps.find((s) => s.theme === question.theme)
    if (!step) {
      const label =
        q.themes.find((t) => t.id === question.theme)?.label ??
        THEMES[question.theme as keyof typeof THEMES] ??
        question.theme
      step = { number: steps.length + 1, theme: question.theme, label, questions: [] }
      steps.push(step)
    }
    step.questions.push(question)
  }
  return steps
}

export const answersOf = (d: Detail): Answers =>
  Object.fromEntries(d.answers.map((a) => [a.questionId, [a.value].flat()]))

export const visibleQuestions = (q: Questionnaire, answers: Answers) =>
  questionVisibility(q.questions, answers)

/** The HTML id of a question's first input (the error summary links to it). */
export const fieldId = (questionId: string) => `q-${questionId.replace(/[^a-z0-9-]/gi, '-')}`

export const optionLabel = (question: Question, optionId: string) =>
  question.options.find((o) => o.id === optionId)?.label ?? optionId

/**
 * The diagnostic of a page, or the French 404 page: a diagnostic the person may not read is, to
 * them, one that does not exist (the API answers 404 and reveals nothing).
 */
export async function loadDiagnostic(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<{ detail: Detail; questionnaire: Questionnaire } | FastifyReply> {
  if (!isId(id)) return render(request, reply, (ctx) => errorPage(ctx, 404))
  const { data } = await asMember(request, (api) =>
    api.GET('/v1/diagnostics/{id}', { params: { path: { id } } }),
  )
  if (!data) return render(request, reply, (ctx) => errorPage(ctx, 404))
  return { detail: data, questionnaire: await questionnaireOf(request, data.questionnaire.version) }
}

/** The codes of a refusal that a token issued before the person's membership explains. */
const NOT_MEMBER_YET = new Set([
  'OSI_DIAGNOSTICS_NOT_A_MEMBER',
  'OSI_DIAGNOSTICS_FORBIDDEN',
  // A diagnostic one may not read does not exist, to the caller.
  'OSI_DIAGNOSTICS_NOT_FOUND',
])

/**
 * An API call made as a member of the commune. The services read memberships from the access
 * token: one issued before the person's membership changed (a commune just registered or
 * verified, an invitation just accepted) is refused until its revocation reaches them. Then the
 * tokens are renewed once (the profile says the person is a member) and the call made again.
 */
export async function asMember<T extends { error?: { code?: string } }>(
  request: FastifyRequest,
  call: (api: Api) => Promise<T>,
): Promise<T> {
  const result = await call(await request.server.web.api(request))
  if (!NOT_MEMBER_YET.has(result.error?.code ?? '') || !request.session.get('auth')?.orgs.length)
    return result
  await request.server.web.refreshProfile(request)
  return call(await request.server.web.api(request))
}

export const ROLE_LABELS: Record<string, string> = { elected: 'un élu ou une élue', agent: 'un agent' }
