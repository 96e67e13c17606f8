import { errorSummary, field, type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'

export interface SignInInput {
  email?: string
  returnTo?: string
  /** The OpenID Connect (ProConnect) button, when the instance offers it. */
  oidc?: { displayName: string; loginUrl: string } | null
  /** Which of the two forms the problem belongs to. */
  problem?: PageProblem & { form: 'link' | 'password' }
}

export function signInPage(ctx: PageContext, input: SignInInput): View {
  const linkProblem = input.problem?.form === 'link' ? input.problem : undefined
  const passwordProblem = input.problem?.form === 'password' ? input.problem : undefined
  const back = input.returnTo ? html`<input type="hidden" name="retour" value="${input.returnTo}">` : ''
  return {
    title: 'Se connecter',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Se connecter</h1>
${errorSummary(input.problem)}
${
  input.oidc
    ? html`<section aria-labelledby="par-compte-pro" class="oidc">
<h2 id="par-compte-pro">Avec votre compte ${input.oidc.displayName}</h2>
<p>Si vous avez un compte professionnel ${input.oidc.displayName} (agents et élus des collectivités) : pas de mot de passe de plus, et votre commune peut être reconnue tout de suite.</p>
<p><a class="button" href="${input.oidc.loginUrl}">Se connecter avec ${input.oidc.displayName}</a></p>
</section>`
    : ''
}
<div class="two-columns">
<section aria-labelledby="par-lien">
<h2 id="par-lien">Recevoir un lien par e-mail</h2>
<p>Le plus simple : pas de mot de passe à retenir. Nous vous envoyons un lien de connexion, valable 15 minutes.</p>
${postForm(
  ctx,
  '/connexion/lien',
  html`${back}${field({ name: 'email', label: 'Votre adresse e-mail', type: 'email', value: linkProblem ? input.email : undefined, autocomplete: 'email', required: true, problem: linkProblem })}`,
  'Recevoir le lien',
)}
</section>
<section aria-labelledby="par-mot-de-passe">
<h2 id="par-mot-de-passe">Avec un mot de passe</h2>
<p>Si vous avez choisi un mot de passe.</p>
${postForm(
  ctx,
  '/connexion',
  html`${back}${field({ name: 'login-email', label: 'Adresse e-mail', type: 'email', value: passwordProblem ? input.email : undefined, autocomplete: 'email', required: true, problem: passwordProblem })}
${field({ name: 'password', label: 'Mot de passe', type: 'password', autocomplete: 'current-password', required: true, problem: passwordProblem })}`,
  'Se connecter',
)}
<p><a href="/mot-de-passe/oublie">Mot de passe oublié ?</a></p>
</section>
</div>
<p>Pas encore de compte ? <a href="/inscription">Créer un compte</a></p>`,
  }
}

export function linkSentPage(_ctx: PageContext, email: string): View {
  return {
    title: 'Lien envoyé',
    main: html`<h1>Regardez vos e-mails</h1>
<p class="lead">Si un compte existe pour <strong>${email}</strong>, nous venons de lui envoyer un lien de connexion. Ouvrez l’e-mail et cliquez sur le lien : il fonctionne une seule fois, pendant 15 minutes.</p>
<p>Rien reçu après quelques minutes ? Regardez dans le dossier des courriers indésirables, ou <a href="/connexion">demandez un nouveau lien</a>.</p>`,
  }
}

/** The page an emailed sign-in link opens: a button, because a mail scanner's visit must not use the link. */
export function magicLinkPage(ctx: PageContext, token: string): View {
  return {
    title: 'Connexion par lien',
    main: html`<h1>Se connecter</h1>
<p class="lead">Vous avez ouvert le lien de connexion reçu par e-mail. Cliquez sur le bouton pour vous connecter.</p>
${postForm(ctx, '/connexion/lien/confirmer', html`<input type="hidden" name="token" value="${token}">`, 'Me connecter')}`,
  }
}

export function invalidLinkPage(
  _ctx: PageContext,
  message: string,
  retry: { href: string; label: string },
): View {
  return {
    title: 'Lien expiré',
    status: 400,
    main: html`<h1>Ce lien ne fonctionne plus</h1>
<p class="lead">${message}</p>
<p><a class="button" href="${retry.href}">${retry.label}</a></p>`,
  }
}
