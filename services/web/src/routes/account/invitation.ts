import type { FastifyInstance } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { pageProblem } from '../../problems.js'
import { flash, type TokenPair } from '../../session.js'
import { redirect, render } from '../../view.js'
import { invitationPage } from './invitation.html.js'
import { invalidLinkPage } from './sign-in.html.js'

export default async function invitationRoutes(app: FastifyInstance) {
  app.get('/invitation', async (request, reply) => {
    const token = queryText(request, 'token')
    if (!token) return redirect(reply, '/')
    return render(request, reply, (ctx) => invitationPage(ctx, token))
  })

  app.post('/invitation', async (request, reply) => {
    const { data, error } = await request.server.web
      .publicApi(request)
      .POST('/v1/invitations/accept', { body: { token: bodyText(request, 'token') } })
    if (!data)
      return render(request, reply, (ctx) =>
        invalidLinkPage(ctx, pageProblem(error).message, { href: '/', label: 'Revenir à l’accueil' }),
      )
    await request.server.web.signIn(request, data as TokenPair)
    const org = request.session.get('auth')?.orgs.find((o) => o.id === data.organisationId)
    flash(request, `Bienvenue ! Vous avez rejoint ${org?.name ?? 'votre commune'} sur osinum.`)
    return redirect(reply, '/tableau-de-bord')
  })
}
