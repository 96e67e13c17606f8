import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { type FieldError, type PageProblem, pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { redirect, render, requireSignIn } from '../../view.js'
import {
  type Answers,
  answersOf,
  asMember,
  type Detail,
  fieldId,
  loadDiagnostic,
  optionLabel,
  type Questionnaire,
  stepsOf,
  visibleQuestions,
} from './data.js'
import { reviewPage, stepPage } from './wizard.html.js'

type Params = { Params: { id: string } }

/** The options a form sent for a question (a checkbox group sends one value or several). */
function posted(body: unknown, questionId: string): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.[questionId]
  return [raw ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '')
}

/** What the API said about an answer it refused, in plain French, next to the question. */
function answerProblems(
  q: Questionnaire,
  errors: Array<{ field: string; message: string }> | undefined,
): PageProblem {
  const fields: FieldError[] = []
  for (const e of errors ?? []) {
    const question = q.questions.find((x) => `answers.${x.id}` === e.field)
    if (!question) continue
    const exclusive = /option (\S+) cannot be combined/.exec(e.message)?.[1]
    fields.push({
      field: fieldId(question.id),
      message: exclusive
        ? `« ${optionLabel(question, exclusive)} » ne peut pas être coché avec une autre réponse : choisissez l’un ou l’autre.`
        : `Cette réponse n’est pas acceptée : choisissez parmi les réponses proposées (« ${question.label} »).`,
    })
  }
  return {
    message: fields.length
      ? 'Une réponse ne convient pas. Corrigez-la, puis enregistrez à nouveau.'
      : pageProblem({ status: 422 }).message,
    fields,
  }
}

/**
 * The wizard: `/diagnostic/{id}?etape=N` shows one theme; saving it re-renders the same step when
 * the answers make follow-up questions appear (no script needed), else goes on. `/relecture`
 * lists every answer with links to change them; `/envoyer` submits.
 */
export default async function diagnosticWizardRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  /** The draft, or the results when it was submitted meanwhile (by a colleague perhaps). */
  async function draft(request: FastifyRequest<Params>, reply: FastifyReply) {
    const loaded = await loadDiagnostic(request, reply, request.params.id)
    if (!('detail' in loaded)) return loaded
    if (loaded.detail.status === 'submitted')
      return redirect(reply, `/diagnostic/${loaded.detail.id}/resultats`)
    return loaded
  }

  const stepNumber = (value: string, count: number, fallback: number) => {
    const n = Number.parseInt(value, 10)
    return Number.isInteger(n) && n >= 1 && n <= count ? n : fallback
  }

  /** Where to resume: the first step with a required question left unanswered. */
  const resumeStep = (detail: Detail, q: Questionnaire) => {
    const missing = new Set(detail.missingRequired)
    return stepsOf(q).find((s) => s.questions.some((x) => missing.has(x.id)))?.number ?? 1
  }

  app.get<Params>('/diagnostic/:id', async (request, reply) => {
    const loaded = await draft(request, reply)
    if (!('detail' in loaded)) return loaded
    const { detail, questionnaire } = loaded
    const steps = stepsOf(questionnaire)
    const step =
      steps[stepNumber(queryText(request, 'etape'), steps.length, resumeStep(detail, questionnaire)) - 1]!
    const answers = answersOf(detail)
    const fromReview = queryText(request, 'depuis') === 'relecture'
    return render(request, reply, (ctx) =>
      stepPage(ctx, {
        detail,
        steps,
        step,
        answers,
        fromReview,
        visible: visibleQuestions(questionnaire, answers),
      }),
    )
  })

  app.post<Params>('/diagnostic/:id', async (request, reply) => {
    const loaded = await draft(request, reply)
    if (!('detail' in loaded)) return loaded
    const { detail, questionnaire } = loaded
    const steps = stepsOf(questionnaire)
    const step = steps[stepNumber(bodyText(request, 'etape'), steps.length, 1) - 1]!
    const fromReview = bodyText(request, 'depuis') === 'relecture'
    const current = answersOf(detail)
    const shown = visibleQuestions(questionnaire, current)
    const onForm = step.questions.filter((q) => shown.get(q.id))
    // The answers as the person sees them after this step; a question the new answers hide is
    // left out of the update (the service keeps its answer in case they switch back).
    const next: Answers = { ...current }
    for (const q of onForm) next[q.id] = posted(request.body, q.id)
    const visibleAfter = visibleQuestions(questionnaire, next)
    const patch: Record<string, string | string[] | null> = {}
    for (const q of onForm) {
      if (!visibleAfter.get(q.id)) continue
      const value = next[q.id]!
      patch[q.id] = value.length === 0 ? null : q.type === 'single' ? value[0]! : value
    }
    const { data, error } = await asMember(request, (api) =>
      api.PATCH('/v1/diagnostics/{id}/answers', {
        params: { path: { id: detail.id } },
        body: { answers: patch },
      }),
    )
    if (!data) {
      if (error?.code === 'OSI_DIAGNOSTICS_ALREADY_SUBMITTED')
        return redirect(reply, `/diagnostic/${detail.id}/resultats`)
      const problem =
        error?.code === 'OSI_DIAGNOSTICS_INVALID_ANSWERS'
          ? answerProblems(questionnaire, error.errors as Array<{ field: string; message: string }>)
          : pageProblem(error)
      return render(request, reply, (ctx) =>
        stepPage(ctx, { detail, steps, step, answers: next, visible: visibleAfter, fromReview, problem }),
      )
    }
    const base = `/diagnostic/${detail.id}`
    const appeared = step.questions.filter((q) => visibleAfter.get(q.id) && !shown.get(q.id))
    if (appeared.length) {
      flash(
        request,
        appeared.length === 1
          ? 'Vos réponses sont enregistrées. Selon celles-ci, une question de plus vous concerne : elle est ajoutée ci-dessous.'
          : `Vos réponses sont enregistrées. Selon celles-ci, ${appeared.length} questions de plus vous concernent : elles sont ajoutées ci-dessous.`,
        'info',
      )
      const back = fromReview ? '&depuis=relecture' : ''
      return redirect(reply, `${base}?etape=${step.number}${back}#${fieldId(appeared[0]!.id)}`)
    }
    if (bodyText(request, 'suite') === 'plus-tard') {
      flash(
        request,
        'Vos réponses sont enregistrées. Vous, ou un collègue de votre commune, pourrez reprendre le diagnostic plus tard depuis cette page.',
      )
      return redirect(reply, '/diagnostic')
    }
    if (fromReview || step.number === steps.length) return redirect(reply, `${base}/relecture`)
    return redirect(reply, `${base}?etape=${step.number + 1}`)
  })

  function review(
    request: FastifyRequest,
    reply: FastifyReply,
    { detail, questionnaire }: { detail: Detail; questionnaire: Questionnaire },
    problem?: PageProblem,
  ) {
    const answers = answersOf(detail)
    const visible = visibleQuestions(questionnaire, answers)
    return render(request, reply, (ctx) =>
      reviewPage(ctx, { detail, steps: stepsOf(questionnaire), answers, visible, problem }),
    )
  }

  app.get<Params>('/diagnostic/:id/relecture', async (request, reply) => {
    const loaded = await draft(request, reply)
    if (!('detail' in loaded)) return loaded
    return review(request, reply, loaded)
  })

  app.post<Params>('/diagnostic/:id/envoyer', async (request, reply) => {
    const loaded = await draft(request, reply)
    if (!('detail' in loaded)) return loaded
    const { detail, questionnaire } = loaded
    const { data, error } = await asMember(request, (api) =>
      api.POST('/v1/diagnostics/{id}/submit', { params: { path: { id: detail.id } } }),
    )
    if (data || error?.code === 'OSI_DIAGNOSTICS_ALREADY_SUBMITTED') {
      if (data) flash(request, 'Le diagnostic est envoyé. Voici vos résultats.')
      return redirect(reply, `/diagnostic/${detail.id}/resultats`)
    }
    const problem =
      error?.code === 'OSI_DIAGNOSTICS_INCOMPLETE'
        ? {
            message: 'Des questions attendues n’ont pas encore de réponse : complétez-les, puis envoyez.',
            fields: [],
          }
        : pageProblem(error)
    return review(request, reply, { detail, questionnaire }, problem)
  })
}
