import { PAGES } from '@osinum/contracts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bodyText } from '../../../forms.js'
import { type FieldError, type PageProblem, pageProblem } from '../../../problems.js'
import { flash } from '../../../session.js'
import { redirect, render } from '../../../view.js'
import { requireStaff, STAFF } from '../access.js'
import { confirmed } from '../ui.js'
import {
  type ContentReport,
  moderationPage,
  type QueueReview,
  type ReviewDetail,
  reportsPage,
  reviewPage,
} from './moderation.html.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
type Params = { Params: { id: string } }

/** Editors: the review queue, one review's decision, the reports on resources and community posts. */
export default async function editorModerationRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.editor))

  app.get(PAGES.staffModeration, async (request, reply) => {
    const api = await request.server.web.api(request)
    const [{ data: reported }, { data: pending }] = await Promise.all([
      api.GET('/v1/reviews', { params: { query: { reported: true, limit: 100 } } }),
      api.GET('/v1/reviews', { params: { query: { status: 'pending', limit: 100 } } }),
    ])
    const reportedItems = (reported?.items ?? []) as QueueReview[]
    const seen = new Set(reportedItems.map((r) => r.id))
    return render(request, reply, (ctx) =>
      moderationPage(ctx, {
        reported: reportedItems,
        pending: ((pending?.items ?? []) as QueueReview[]).filter((r) => !seen.has(r.id)),
      }),
    )
  })

  async function showReview(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    extra: { decision?: string; note?: string; problem?: PageProblem } = {},
  ) {
    if (!UUID.test(request.params.id)) return reply.callNotFound()
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/reviews/{id}', { params: { path: { id: request.params.id } } })
    if (!data) return reply.callNotFound()
    return render(request, reply, (ctx) => ({
      ...reviewPage(ctx, { review: data as ReviewDetail, ...extra }),
      ...(extra.problem ? { status: 400 } : {}),
    }))
  }

  app.get<Params>('/gestion/avis/:id', (request, reply) => showReview(request, reply))

  app.post<Params>('/gestion/avis/:id', async (request, reply) => {
    const decision = bodyText(request, 'decision')
    const note = bodyText(request, 'note')
    const fields: FieldError[] = []
    if (decision !== 'published' && decision !== 'rejected')
      fields.push({ field: 'decision', message: 'Choisissez de publier ou de refuser l’avis.' })
    if (decision === 'rejected' && !note)
      fields.push({ field: 'note', message: 'Indiquez la raison du refus.' })
    if (decision === 'rejected' && !confirmed(request.body, 'confirmer'))
      fields.push({ field: 'confirmer', message: 'Cochez la case pour confirmer le refus.' })
    if (fields.length)
      return showReview(request, reply, {
        decision,
        note,
        problem: { message: 'La décision n’est pas enregistrée.', fields },
      })
    const api = await request.server.web.api(request)
    const { error } = await api.POST('/v1/reviews/{id}/moderation', {
      params: { path: { id: request.params.id } },
      body: { status: decision as 'published', note: note || null },
    })
    if (error)
      return showReview(request, reply, {
        decision,
        note,
        problem: pageProblem(error, { note: { field: 'note', label: 'la raison' } }),
      })
    flash(
      request,
      decision === 'published'
        ? 'Avis publié sur la page de l’outil.'
        : 'Avis refusé : il n’apparaît plus sur la page de l’outil.',
    )
    return redirect(reply, PAGES.staffModeration)
  })

  async function openReports(request: FastifyRequest): Promise<ContentReport[]> {
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/resources/reports', {
      params: { query: { status: 'open', limit: 100 } },
    })
    return (data?.items ?? []) as ContentReport[]
  }

  app.get(PAGES.staffContentReports, async (request, reply) => {
    const reports = await openReports(request)
    return render(request, reply, (ctx) => reportsPage(ctx, { reports }))
  })

  app.post<Params>(`${PAGES.staffContentReports}/:id`, async (request, reply) => {
    const { id } = request.params
    const action = bodyText(request, `action-${id}`)
    const note = bodyText(request, `note-${id}`)
    const reports = await openReports(request)
    const report = reports.find((r) => r.id === id)
    if (!report) return reply.callNotFound()
    const again = (problem: PageProblem) =>
      render(request, reply, (ctx) => ({
        ...reportsPage(ctx, { reports, problem, failedId: id }),
        status: 400,
      }))
    const hide = action === 'hide' && report.contentType !== 'resource'
    if (!hide && action !== 'resolved' && action !== 'dismissed')
      return again({
        message: 'Rien n’a été enregistré.',
        fields: [{ field: `action-${id}`, message: 'Choisissez la suite donnée au signalement.' }],
      })
    const api = await request.server.web.api(request)
    if (hide) {
      const body = { action: 'hide' as const, reason: note || report.reasonLabel }
      const path = { params: { path: { id: report.contentId } }, body }
      const { error } =
        report.contentType === 'experience'
          ? await api.POST('/v1/experiences/{id}/moderation', path)
          : await api.POST('/v1/comments/{id}/moderation', path)
      if (error) return again(pageProblem(error))
    }
    const { error } = await api.POST('/v1/resources/reports/{id}/resolution', {
      params: { path: { id } },
      body: { status: action === 'dismissed' ? 'dismissed' : 'resolved', ...(note ? { note } : {}) },
    })
    if (error) return again(pageProblem(error))
    flash(request, hide ? 'Contenu masqué et signalement traité.' : 'Signalement traité.')
    return redirect(reply, PAGES.staffContentReports)
  })
}
