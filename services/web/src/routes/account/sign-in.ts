import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bodyText, queryText, safeReturn } from '../../forms.js'
import { pageProblem } from '../../problems.js'
import type { TokenPair } from '../../session.js'
import { redirect, render } from '../../view.js'
import { signInLinkRoutes } from './email-link.js'
import { linkSentPage, magicLinkPage, signInPage } from './sign-in.html.js'

const EMAIL_REQUIRED = {
  field: 'email',
  message: 'Indiquez votre adresse e-mail, par exemple nom@mairie.fr.',
}

/**
 * Where a person goes once signed in: the page they wanted, else their dashboard, the back-office
 * for staff outside any commune, else their commune's onboarding.
 */
export function afterSignIn(request: FastifyRequest, returnTo = ''): string {
  const auth = request.session.get('auth')
  const home = auth?.orgs.length ? '/tableau-de-bord' : auth?.roles?.length ? '/gestion' : '/commune'
  return safeReturn(returnTo, home)
}

export interface OidcMethod {
  displayName: string
  loginUrl: string
}

/** Whether this instance offers OpenID Connect (ProConnect) login, and its button; null when not (or unknown). */
export async function oidcMethod(request: FastifyRequest): Promise<OidcMethod | null> {
  try {
    const { data } = await request.server.web.publicApi(request).GET('/v1/auth/methods')
    return (data?.oidc as OidcMethod | null | undefined) ?? null
  } catch {
    return null
  }
}

export default async function signInRoutes(app: FastifyInstance) {
  app.get('/connexion', async (request, reply) => {
    const oidc = await oidcMethod(request)
    return render(request, reply, (ctx) => signInPage(ctx, { returnTo: queryText(request, 'retour'), oidc }))
  })

  // Password sign-in.
  app.post('/connexion', async (request, reply) => {
    const email = bodyText(request, 'login-email')
    const password = (request.body as Record<string, string>)?.password ?? ''
    const returnTo = bodyText(request, 'retour')
    const missing = [
      ...(email ? [] : [{ ...EMAIL_REQUIRED, field: 'login-email' }]),
      ...(password ? [] : [{ field: 'password', message: 'Indiquez votre mot de passe.' }]),
    ]
    if (missing.length)
      return render(request, reply, (ctx) =>
        signInPage(ctx, {
          email,
          returnTo,
          problem: { form: 'password', message: 'Le formulaire est incomplet.', fields: missing },
        }),
      )
    const { data, error } = await request.server.web.publicApi(request).POST('/v1/auth/login', {
      body: { email, password },
    })
    if (!data) {
      const problem = pageProblem(error, { email: { field: 'login-email', label: 'votre adresse e-mail' } })
      return render(request, reply, (ctx) =>
        signInPage(ctx, { email, returnTo, problem: { ...problem, form: 'password' } }),
      )
    }
    await request.server.web.signIn(request, data as TokenPair)
    return redirect(reply, afterSignIn(request, returnTo))
  })

  // Ask for a sign-in link.
  app.post('/connexion/lien', async (request, reply) => {
    const email = bodyText(request, 'email')
    if (!email)
      return render(request, reply, (ctx) =>
        signInPage(ctx, {
          problem: { form: 'link', message: 'Le formulaire est incomplet.', fields: [EMAIL_REQUIRED] },
        }),
      )
    const { error } = await request.server.web
      .publicApi(request)
      .POST('/v1/auth/magic-link', { body: { email } })
    if (error) {
      const problem = pageProblem(error, { email: { field: 'email', label: 'votre adresse e-mail' } })
      return render(request, reply, (ctx) =>
        signInPage(ctx, { email, problem: { ...problem, form: 'link' } }),
      )
    }
    return redirect(reply, `/connexion/lien-envoye?email=${encodeURIComponent(email)}`)
  })

  app.get('/connexion/lien-envoye', async (request, reply) =>
    render(request, reply, (ctx) => linkSentPage(ctx, queryText(request, 'email'))),
  )

  // The emailed link opens this page (GET changes nothing); its button POSTs the token.
  signInLinkRoutes(app, {
    path: '/connexion/lien',
    action: '/connexion/lien/confirmer',
    page: magicLinkPage,
    spend: (api, token) => api.POST('/v1/auth/magic-link/verify', { body: { token } }),
    retry: { href: '/connexion', label: 'Recevoir un nouveau lien' },
    next: (request) => afterSignIn(request),
  })
}
