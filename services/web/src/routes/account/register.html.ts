import { errorSummary, field, type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'

export function registerPage(
  ctx: PageContext,
  input: { email?: string; name?: string; problem?: PageProblem },
): View {
  return {
    title: 'Créer un compte',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Créer un compte</h1>
<p class="lead">Il suffit de votre adresse e-mail. Nous vous envoyons un lien pour la confirmer : pas de mot de passe à inventer.</p>
${errorSummary(input.problem)}
${postForm(
  ctx,
  '/inscription',
  html`${field({ name: 'email', label: 'Votre adresse e-mail', hint: 'De préférence celle de la mairie, par exemple secretariat@mairie-exemple.fr.', type: 'email', value: input.email, autocomplete: 'email', required: true, problem: input.problem })}
${field({ name: 'name', label: 'Votre nom et prénom (facultatif)', value: input.name, autocomplete: 'name', problem: input.problem })}`,
  'Créer mon compte',
)}
<p>Vous avez déjà un compte ? <a href="/connexion">Se connecter</a></p>`,
  }
}

export function registeredPage(ctx: PageContext, email: string): View {
  return {
    title: 'Confirmez votre adresse',
    main: html`<h1>Confirmez votre adresse e-mail</h1>
<p class="lead">Nous venons d’envoyer un e-mail à <strong>${email}</strong>. Ouvrez-le et cliquez sur le lien pour confirmer votre adresse. Le lien est valable 24 heures.</p>
<p>Rien reçu après quelques minutes ? Regardez dans le dossier des courriers indésirables, ou renvoyez l’e-mail :</p>
${postForm(ctx, '/inscription/renvoyer', html`<input type="hidden" name="email" value="${email}">`, 'Renvoyer l’e-mail')}`,
  }
}

/** The page an email verification link opens; its button POSTs the token (a GET never uses it). */
export function verifyEmailPage(ctx: PageContext, token: string): View {
  return {
    title: 'Confirmer votre adresse',
    main: html`<h1>Confirmer votre adresse e-mail</h1>
<p class="lead">Dernière étape : cliquez sur le bouton pour confirmer votre adresse et accéder à votre compte.</p>
${postForm(ctx, '/inscription/confirmer', html`<input type="hidden" name="token" value="${token}">`, 'Confirmer mon adresse')}`,
  }
}
