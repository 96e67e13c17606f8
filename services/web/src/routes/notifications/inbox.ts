import { PAGES } from '@osinum/contracts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { queryText } from '../../forms.js'
import { notFoundPage } from '../../problems.js'
import { flash } from '../../session.js'
import { postText } from '../../text-form.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { type InboxItem, inboxPage, notificationPage, PAGE_SIZE } from './inbox.html.js'

/** A page number from `?page=` (1 when absent or not a number). */
export function pageOf(request: FastifyRequest): number {
  const n = Number.parseInt(queryText(request, 'page'), 10)
  return Number.isFinite(n) && n > 0 && n < 5000 ? n : 1
}

/**
 * Where a notification's link leads, as a path of this site: links are built with PUBLIC_URL
 * (emails need absolute ones), pages follow them as paths. A link elsewhere is not followed.
 */
export function localLink(link: string | null, publicUrl: string): string | null {
  if (!link) return null
  try {
    const base = new URL(publicUrl)
    const url = new URL(link, base)
    if (url.origin !== base.origin) return null
    return `${url.pathname}${url.search}`
  } catch {
    return null
  }
}

export default async function inboxRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  app.get('/notifications', async (request, reply) => {
    const page = pageOf(request)
    const unreadOnly = queryText(request, 'non-lues') === 'oui'
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/notifications', {
      params: {
        query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(unreadOnly ? { unread: true } : {}) },
      },
    })
    return render(request, reply, (ctx) =>
      inboxPage(ctx, {
        items: (data?.items ?? []) as InboxItem[],
        total: data?.total ?? 0,
        page,
        unreadOnly,
      }),
    )
  })

  app.post('/notifications/tout-lu', async (request, reply) => {
    const api = await request.server.web.api(request)
    await api.POST('/v1/notifications/read-all')
    flash(request, 'Toutes vos notifications sont marquées comme lues.')
    return redirect(reply, PAGES.notifications)
  })

  // Opening a notification marks it read, then follows its link (a page of this site).
  app.get<{ Params: { id: string } }>('/notifications/:id', async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data } = await api.POST('/v1/notifications/{id}/read', {
      params: { path: { id: request.params.id } },
    })
    if (!data) throw notFoundPage()
    const n = data as InboxItem
    const link = localLink(n.link, request.server.web.publicUrl)
    // A relayed message links to itself (its email's button): it is shown here, with its reply form.
    const self = link?.split('?')[0] === PAGES.notification(n.id)
    if (link && !self && !n.replyable) return redirect(reply, link)
    return render(request, reply, (ctx) => notificationPage(ctx, n, { link: self ? null : link }))
  })

  app.post<{ Params: { id: string } }>('/notifications/:id/repondre', async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data: n } = await api.GET('/v1/notifications/{id}', {
      params: { path: { id: request.params.id } },
    })
    if (!n) throw notFoundPage()
    return postText(request, reply, {
      field: 'message',
      label: 'votre réponse',
      empty: { message: 'Le message est vide.', hint: 'Écrivez votre réponse.' },
      send: (client, message) =>
        client.POST('/v1/notifications/{id}/reply', {
          params: { path: { id: request.params.id } },
          body: { message },
        }),
      again: (text, problem) =>
        render(request, reply, (ctx) =>
          notificationPage(ctx, n as InboxItem, { link: null, reply: text, problem }),
        ),
      done: () => ({ message: 'Votre réponse est envoyée.', to: PAGES.notifications }),
    })
  })
}
