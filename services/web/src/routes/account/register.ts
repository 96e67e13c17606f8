import type { FastifyInstance } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { redirect, render } from '../../view.js'
import { signInLinkRoutes } from './email-link.js'
import { registeredPage, registerPage, verifyEmailPage } from './register.html.js'
import { afterSignIn } from './sign-in.js'

const FIELDS = {
  email: { field: 'email', label: 'votre adresse e-mail' },
  displayName: { field: 'name', label: 'votre nom' },
}

export default async function registerRoutes(app: FastifyInstance) {
  app.get('/inscription', async (request, reply) => render(request, reply, (ctx) => registerPage(ctx, {})))

  app.post('/inscription', async (request, reply) => {
    const email = bodyText(request, 'email')
    const name = bodyText(request, 'name')
    if (!email)
      return render(request, reply, (ctx) =>
        registerPage(ctx, {
          name,
          problem: {
            message: 'Le formulaire est incomplet.',
            fields: [
              { field: 'email', message: 'Indiquez votre adresse e-mail, par exemple nom@mairie.fr.' },
            ],
          },
        }),
      )
    const { error } = await request.server.web.publicApi(request).POST('/v1/auth/register', {
      body: { email, ...(name ? { displayName: name } : {}) },
    })
    if (error)
      return render(request, reply, (ctx) =>
        registerPage(ctx, { email, name, problem: pageProblem(error, FIELDS) }),
      )
    return redirect(reply, `/inscription/envoye?email=${encodeURIComponent(email)}`)
  })

  app.get('/inscription/envoye', async (request, reply) =>
    render(request, reply, (ctx) => registeredPage(ctx, queryText(request, 'email'))),
  )

  app.post('/inscription/renvoyer', async (request, reply) => {
    const email = bodyText(request, 'email')
    await request.server.web.publicApi(request).POST('/v1/auth/email/verification', { body: { email } })
    flash(request, 'Un nouvel e-mail de confirmation vient d’être envoyé.')
    return redirect(reply, `/inscription/envoye?email=${encodeURIComponent(email)}`)
  })

  signInLinkRoutes(app, {
    path: '/inscription/confirmer',
    page: verifyEmailPage,
    spend: (api, token) => api.POST('/v1/auth/email/verify', { body: { token } }),
    retry: { href: '/connexion', label: 'Recevoir un lien de connexion' },
    next: (request) => {
      flash(request, 'Votre adresse e-mail est confirmée. Bienvenue sur osinum !')
      return afterSignIn(request)
    },
  })
}
