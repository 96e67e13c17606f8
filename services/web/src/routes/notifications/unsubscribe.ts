import type { FastifyInstance } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { pageProblem } from '../../problems.js'
import { redirect, render } from '../../view.js'
import { invalidLinkPage } from '../account/sign-in.html.js'
import { unsubscribedPage, unsubscribePage } from './unsubscribe.html.js'

const INVALID =
  'Ce lien de désinscription n’est pas valide. Vous pouvez choisir vos e-mails depuis vos préférences.'

export default async function unsubscribeRoutes(app: FastifyInstance) {
  app.get('/desinscription', async (request, reply) => {
    const token = queryText(request, 'token')
    const { data } = token
      ? await request.server.web.publicApi(request).GET('/v1/unsubscribe', { params: { query: { token } } })
      : { data: undefined }
    if (!data)
      return render(request, reply, (ctx) =>
        invalidLinkPage(ctx, INVALID, { href: '/preferences', label: 'Mes préférences' }),
      )
    return render(request, reply, (ctx) => unsubscribePage(ctx, { token, label: data.label }))
  })

  app.post('/desinscription', async (request, reply) => {
    const token = bodyText(request, 'token')
    const { data, error } = await request.server.web
      .publicApi(request)
      .POST('/v1/unsubscribe', { params: { query: { token } } })
    if (!data)
      return render(request, reply, (ctx) =>
        invalidLinkPage(ctx, error?.status === 400 ? INVALID : pageProblem(error).message, {
          href: '/preferences',
          label: 'Mes préférences',
        }),
      )
    return redirect(reply, `/desinscription/confirmee?categorie=${encodeURIComponent(data.label)}`)
  })

  app.get('/desinscription/confirmee', async (request, reply) =>
    render(request, reply, (ctx) => unsubscribedPage(ctx, queryText(request, 'categorie').slice(0, 100))),
  )
}
