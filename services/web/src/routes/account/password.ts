import type { FastifyInstance } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { type FieldError, pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { redirect, render } from '../../view.js'
import { forgotPasswordPage, resetPasswordPage, resetSentPage } from './password.html.js'
import { invalidLinkPage } from './sign-in.html.js'

/** The checks a new password gets on the page (the API checks again). */
export function newPasswordErrors(password: string, confirmation: string, name = 'password'): FieldError[] {
  if (password.length < 12)
    return [{ field: name, message: 'Le mot de passe doit contenir au moins 12 caractères.' }]
  if (password !== confirmation)
    return [{ field: 'confirmation', message: 'Les deux mots de passe ne sont pas identiques.' }]
  return []
}

export default async function passwordRoutes(app: FastifyInstance) {
  app.get('/mot-de-passe/oublie', async (request, reply) =>
    render(request, reply, (ctx) => forgotPasswordPage(ctx, {})),
  )

  app.post('/mot-de-passe/oublie', async (request, reply) => {
    const email = bodyText(request, 'email')
    const fields = { email: { field: 'email', label: 'votre adresse e-mail' } }
    const { error } = email
      ? await request.server.web.publicApi(request).POST('/v1/auth/password-reset', { body: { email } })
      : { error: { status: 400, errors: [{ field: 'body.email', message: 'required' }] } }
    if (error)
      return render(request, reply, (ctx) =>
        forgotPasswordPage(ctx, { email, problem: pageProblem(error, fields) }),
      )
    return redirect(reply, `/mot-de-passe/envoye?email=${encodeURIComponent(email)}`)
  })

  app.get('/mot-de-passe/envoye', async (request, reply) =>
    render(request, reply, (ctx) => resetSentPage(ctx, queryText(request, 'email'))),
  )

  app.get('/mot-de-passe/nouveau', async (request, reply) => {
    const token = queryText(request, 'token')
    if (!token) return redirect(reply, '/mot-de-passe/oublie')
    return render(request, reply, (ctx) => resetPasswordPage(ctx, { token }))
  })

  app.post('/mot-de-passe/nouveau', async (request, reply) => {
    const token = bodyText(request, 'token')
    const body = request.body as Record<string, string>
    const password = body?.password ?? ''
    const errors = newPasswordErrors(password, body?.confirmation ?? '')
    if (errors.length)
      return render(request, reply, (ctx) =>
        resetPasswordPage(ctx, {
          token,
          problem: { message: 'Le mot de passe ne convient pas.', fields: errors },
        }),
      )
    const { error, response } = await request.server.web
      .publicApi(request)
      .POST('/v1/auth/password-reset/confirm', { body: { token, password } })
    if (response.status !== 204) {
      const problem = pageProblem(error, { password: { field: 'password', label: 'le mot de passe' } })
      if (problem.fields.length)
        return render(request, reply, (ctx) => resetPasswordPage(ctx, { token, problem }))
      return render(request, reply, (ctx) =>
        invalidLinkPage(ctx, problem.message, {
          href: '/mot-de-passe/oublie',
          label: 'Demander un nouveau lien',
        }),
      )
    }
    flash(request, 'Votre nouveau mot de passe est enregistré. Vous pouvez vous connecter.')
    return redirect(reply, '/connexion')
  })
}
