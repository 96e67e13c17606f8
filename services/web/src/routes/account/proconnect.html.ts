import { PAGES } from '@osinum/contracts'
import type { PageContext, View } from '../../components.js'
import { html } from '../../html.js'

/** Plain French for what can go wrong on the way back from ProConnect (identity's problem codes). */
const OIDC_MESSAGES: Record<string, string> = {
  OSI_IDENTITY_OIDC_STATE:
    'La connexion a pris trop de temps ou a été ouverte dans un autre onglet. Recommencez depuis la page de connexion.',
  OSI_IDENTITY_OIDC_FAILED:
    'La connexion n’a pas été acceptée. Si vous avez annulé, c’est normal ; sinon, recommencez ou connectez-vous avec un lien reçu par e-mail.',
  OSI_IDENTITY_OIDC_UNAVAILABLE:
    'Le service de connexion ne répond pas pour l’instant. Réessayez dans quelques minutes, ou connectez-vous avec un lien reçu par e-mail.',
  OSI_IDENTITY_OIDC_DISABLED: 'La connexion avec un compte professionnel n’est pas proposée ici.',
  OSI_IDENTITY_INVALID_LINK:
    'Cette connexion a déjà servi ou a expiré (elle est valable une minute). Recommencez depuis la page de connexion.',
  OSI_RATE_LIMITED: 'Trop de tentatives en peu de temps. Patientez une minute, puis réessayez.',
}

export function oidcMessage(code: string | undefined): string {
  return OIDC_MESSAGES[code ?? ''] ?? 'La connexion n’a pas abouti. Recommencez depuis la page de connexion.'
}

/** The return page when the OpenID Connect (ProConnect) login did not succeed. */
export function oidcFailedPage(_ctx: PageContext, input: { provider: string; message: string }): View {
  return {
    title: `Connexion avec ${input.provider}`,
    status: 400,
    main: html`<h1>La connexion avec ${input.provider} n’a pas abouti</h1>
<p class="lead">${input.message}</p>
<p><a class="button" href="${PAGES.signIn}">Revenir à la page de connexion</a></p>`,
  }
}
