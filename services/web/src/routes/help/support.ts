import { PAGES } from '@osinum/contracts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bodyText } from '../../forms.js'
import { notFoundPage, type PageProblem, pageProblem } from '../../problems.js'
import { flash, signedIn } from '../../session.js'
import { postText } from '../../text-form.js'
import { redirect, render, requireSignIn } from '../../view.js'
import {
  type HelpForm,
  helpPage,
  type Message,
  type SupportRequestFull,
  type SupportRequestRow,
  supportRequestPage,
} from './support.html.js'

const REQUEST_FIELDS = {
  topic: { field: 'topic', label: 'le sujet' },
  message: { field: 'message', label: 'votre question' },
}

/** « Aide »: a support request to the syndicate's advisors, its messages, closing it. */
export default async function supportRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  const showHelp = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { form?: HelpForm; problem?: PageProblem } = {},
  ) => {
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/support-requests', { params: { query: { limit: 50 } } })
    const requests = (data?.items ?? []) as SupportRequestRow[]
    return render(request, reply, (ctx) => helpPage(ctx, { requests, ...extra }))
  }

  app.get(PAGES.help, async (request, reply) => showHelp(request, reply))

  app.post('/aide/demandes', async (request, reply) => {
    const form: HelpForm = {
      organisationId: bodyText(request, 'organisationId'),
      topic: bodyText(request, 'topic'),
      message: bodyText(request, 'message'),
    }
    const missing = [
      ...(form.topic ? [] : [{ field: 'topic', message: 'Indiquez le sujet de votre demande.' }]),
      ...(form.message ? [] : [{ field: 'message', message: 'Écrivez votre question.' }]),
    ]
    if (missing.length)
      return showHelp(request, reply, {
        form,
        problem: { message: 'La demande est incomplète.', fields: missing },
      })
    const api = await request.server.web.api(request)
    const { data, error } = await api.POST('/v1/support-requests', {
      body: { organisationId: form.organisationId!, topic: form.topic!, message: form.message! },
    })
    if (!data) return showHelp(request, reply, { form, problem: pageProblem(error, REQUEST_FIELDS) })
    flash(
      request,
      'Votre demande est envoyée. Un conseiller vous répondra ici ; vous recevrez aussi un e-mail.',
    )
    return redirect(reply, PAGES.supportRequest(data.id))
  })

  const showRequest = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { reply?: string; problem?: PageProblem } = {},
  ) => {
    const api = await request.server.web.api(request)
    const id = { params: { path: { id: request.params.id } } }
    const [{ data: found }, { data: messages }] = await Promise.all([
      api.GET('/v1/support-requests/{id}', id),
      api.GET('/v1/support-requests/{id}/messages', { params: { ...id.params, query: { limit: 100 } } }),
    ])
    if (!found) throw notFoundPage()
    const me = signedIn(request)?.uid ?? ''
    return render(request, reply, (ctx) =>
      supportRequestPage(ctx, {
        request: found as SupportRequestFull,
        messages: (messages?.items ?? []) as Message[],
        me,
        ...extra,
      }),
    )
  }

  app.get<{ Params: { id: string } }>('/aide/demandes/:id', async (request, reply) =>
    showRequest(request, reply),
  )

  app.post<{ Params: { id: string } }>('/aide/demandes/:id/messages', async (request, reply) =>
    postText(request, reply, {
      field: 'body',
      label: 'votre message',
      empty: { message: 'Le message est vide.', hint: 'Écrivez votre message.' },
      send: (api, body) =>
        api.POST('/v1/support-requests/{id}/messages', {
          params: { path: { id: request.params.id } },
          body: { body },
        }),
      again: (text, problem) => showRequest(request, reply, { reply: text, problem }),
      conflict: 'Cette demande est close : pour une nouvelle question, faites une nouvelle demande.',
      done: () => ({ message: 'Votre message est envoyé.', to: PAGES.supportRequest(request.params.id) }),
    }),
  )

  app.post<{ Params: { id: string } }>('/aide/demandes/:id/cloturer', async (request, reply) => {
    const api = await request.server.web.api(request)
    const { response } = await api.POST('/v1/support-requests/{id}/status', {
      params: { path: { id: request.params.id } },
      body: { status: 'closed' },
    })
    if (response.status === 404 || response.status === 403) throw notFoundPage()
    flash(request, 'La demande est close. Merci !')
    return redirect(reply, PAGES.supportRequest(request.params.id))
  })
}
