import { errorSummary, field, type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'

export const PASSWORD_HINT =
  'Au moins 12 caractères. Une phrase facile à retenir convient très bien, par exemple « la mairie ouvre le mardi ».'

export function forgotPasswordPage(ctx: PageContext, input: { email?: string; problem?: PageProblem }): View {
  return {
    title: 'Mot de passe oublié',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Mot de passe oublié</h1>
<p class="lead">Indiquez votre adresse e-mail : nous vous envoyons un lien pour choisir un nouveau mot de passe.</p>
${errorSummary(input.problem)}
${postForm(ctx, '/mot-de-passe/oublie', field({ name: 'email', label: 'Votre adresse e-mail', type: 'email', value: input.email, autocomplete: 'email', required: true, problem: input.problem }), 'Recevoir le lien')}
<p>Vous pouvez aussi <a href="/connexion">recevoir un lien de connexion</a> sans mot de passe.</p>`,
  }
}

export function resetSentPage(_ctx: PageContext, email: string): View {
  return {
    title: 'Lien envoyé',
    main: html`<h1>Regardez vos e-mails</h1>
<p class="lead">Si un compte existe pour <strong>${email}</strong>, nous venons de lui envoyer un lien pour choisir un nouveau mot de passe. Il est valable une heure.</p>
<p>Rien reçu ? Regardez dans le dossier des courriers indésirables, ou <a href="/mot-de-passe/oublie">recommencez</a>.</p>`,
  }
}

/** The page a password reset link opens: the new-password form (the token travels in a hidden field). */
export function resetPasswordPage(ctx: PageContext, input: { token: string; problem?: PageProblem }): View {
  return {
    title: 'Nouveau mot de passe',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Choisir un nouveau mot de passe</h1>
${errorSummary(input.problem)}
${postForm(
  ctx,
  '/mot-de-passe/nouveau',
  html`<input type="hidden" name="token" value="${input.token}">
${field({ name: 'password', label: 'Nouveau mot de passe', type: 'password', hint: PASSWORD_HINT, autocomplete: 'new-password', required: true, minlength: 12, problem: input.problem })}
${field({ name: 'confirmation', label: 'Le même mot de passe, une seconde fois', type: 'password', autocomplete: 'new-password', required: true, problem: input.problem })}`,
  'Enregistrer le mot de passe',
)}`,
  }
}
