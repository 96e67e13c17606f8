import type { FastifyInstance } from 'fastify'
import { pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { accountPage, passwordPage, type SessionRow, sessionsPage } from './account.html.js'
import { newPasswordErrors } from './password.js'

export default async function accountRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  app.get('/compte', async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data: me } = await api.GET('/v1/users/me')
    return render(request, reply, (ctx) => accountPage(ctx, { hasPassword: me?.hasPassword ?? false }))
  })

  app.get('/compte/mot-de-passe', async (request, reply) => {
    const hasPassword = request.session.get('auth')?.hasPassword ?? false
    return render(request, reply, (ctx) => passwordPage(ctx, { hasPassword }))
  })

  app.post('/compte/mot-de-passe', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>
    const hasPassword = request.session.get('auth')?.hasPassword ?? false
    const errors = newPasswordErrors(body.password ?? '', body.confirmation ?? '')
    if (hasPassword && !body.current)
      errors.unshift({ field: 'current', message: 'Indiquez votre mot de passe actuel.' })
    if (errors.length)
      return render(request, reply, (ctx) =>
        passwordPage(ctx, {
          hasPassword,
          problem: { message: 'Le mot de passe ne convient pas.', fields: errors },
        }),
      )
    const api = await request.server.web.api(request)
    const { error, response } = await api.PUT('/v1/users/me/password', {
      body: { newPassword: body.password!, ...(hasPassword ? { currentPassword: body.current } : {}) },
    })
    if (response.status !== 204) {
      const problem = pageProblem(error, {
        newPassword: { field: 'password', label: 'le nouveau mot de passe' },
        currentPassword: { field: 'current', label: 'le mot de passe actuel' },
      })
      if (error?.code === 'OSI_IDENTITY_CURRENT_PASSWORD')
        problem.fields.push({ field: 'current', message: 'Le mot de passe actuel est incorrect.' })
      return render(request, reply, (ctx) => passwordPage(ctx, { hasPassword, problem }))
    }
    await request.server.web.refreshProfile(request)
    flash(request, 'Votre mot de passe est enregistré.')
    return redirect(reply, '/compte')
  })

  app.get('/compte/sessions', async (request, reply) => {
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/users/me/sessions', { params: { query: { limit: 50 } } })
    return render(request, reply, (ctx) => sessionsPage(ctx, (data?.items ?? []) as SessionRow[]))
  })

  app.post<{ Params: { id: string } }>('/compte/sessions/:id/fermer', async (request, reply) => {
    const api = await request.server.web.api(request)
    await api.DELETE('/v1/users/me/sessions/{id}', { params: { path: { id: request.params.id } } })
    flash(request, 'La session est fermée : cet appareil devra se reconnecter.')
    return redirect(reply, '/compte/sessions')
  })

  app.post('/compte/sessions/toutes', async (request, reply) => {
    const api = await request.server.web.api(request)
    await api.DELETE('/v1/users/me/sessions')
    request.session.set('auth', undefined)
    flash(request, 'Vous êtes déconnecté de tous vos appareils.')
    return redirect(reply, '/connexion')
  })
}
