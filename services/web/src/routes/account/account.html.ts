import { errorSummary, field, frenchDate, type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import { PASSWORD_HINT } from './password.html.js'

export function accountPage(ctx: PageContext, me: { hasPassword: boolean }): View {
  return {
    title: 'Mon compte',
    main: html`<h1>Mon compte</h1>
<dl class="summary-list">
<div><dt>Nom</dt><dd>${ctx.name ?? 'Non indiqué'}</dd></div>
<div><dt>Adresse e-mail</dt><dd>${ctx.email}</dd></div>
<div><dt>Commune</dt><dd>${ctx.orgs.length ? ctx.orgs.map((o) => o.name).join(', ') : html`Aucune pour l’instant — <a href="/commune">indiquer ma commune</a>`}</dd></div>
</dl>
<h2>Mot de passe</h2>
<p>${me.hasPassword ? 'Vous avez choisi un mot de passe.' : 'Vous vous connectez avec un lien reçu par e-mail. Vous pouvez aussi choisir un mot de passe.'}</p>
<p><a href="/compte/mot-de-passe">${me.hasPassword ? 'Changer de mot de passe' : 'Choisir un mot de passe'}</a></p>
<h2>Sécurité</h2>
<p><a href="/compte/sessions">Voir les appareils connectés à mon compte</a></p>
<h2>E-mails</h2>
<p><a href="/preferences">Choisir les e-mails que je reçois</a></p>
<h2>Mes données</h2>
<p><a href="/compte/mes-donnees">Télécharger mes données</a></p>
<p><a href="/compte/supprimer">Supprimer mon compte</a></p>`,
  }
}

export function passwordPage(ctx: PageContext, input: { hasPassword: boolean; problem?: PageProblem }): View {
  const title = input.hasPassword ? 'Changer de mot de passe' : 'Choisir un mot de passe'
  return {
    title,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>${title}</h1>
${errorSummary(input.problem)}
${postForm(
  ctx,
  '/compte/mot-de-passe',
  html`${input.hasPassword ? field({ name: 'current', label: 'Mot de passe actuel', type: 'password', autocomplete: 'current-password', required: true, problem: input.problem }) : ''}
${field({ name: 'password', label: 'Nouveau mot de passe', type: 'password', hint: PASSWORD_HINT, autocomplete: 'new-password', required: true, minlength: 12, problem: input.problem })}
${field({ name: 'confirmation', label: 'Le même mot de passe, une seconde fois', type: 'password', autocomplete: 'new-password', required: true, problem: input.problem })}`,
  'Enregistrer',
  html` <a href="/compte">Annuler</a>`,
)}
<p class="hint">Vos autres appareils seront déconnectés.</p>`,
  }
}

export interface SessionRow {
  id: string
  method: string
  userAgent: string | null
  createdAt: string
  lastUsedAt: string
  current: boolean
}

/** « Firefox sur Windows » from a User-Agent, in plain words. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Appareil inconnu'
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Navigateur'
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iPhone ou iPad'
        : /Mac OS X/.test(userAgent)
          ? 'Mac'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : ''
  return system ? `${browser} sur ${system}` : browser
}

export function sessionsPage(ctx: PageContext, sessions: SessionRow[]): View {
  return {
    title: 'Appareils connectés',
    main: html`<h1>Appareils connectés à mon compte</h1>
<p class="lead">Chaque ligne est un appareil (ordinateur, téléphone) où vous êtes connecté. Si vous n’en reconnaissez pas un, fermez sa session.</p>
<ul class="session-list">
${sessions.map(
  (s) => html`<li class="card">
<h2 class="h3">${deviceOf(s.userAgent)}${s.current ? html` <span class="tag">cet appareil</span>` : ''}</h2>
<p>Connecté le ${frenchDate(s.createdAt)}. Dernière activité le ${frenchDate(s.lastUsedAt)}.</p>
${s.current ? '' : postForm(ctx, `/compte/sessions/${s.id}/fermer`, '', 'Fermer cette session')}
</li>`,
)}
</ul>
<h2>Se déconnecter partout</h2>
<p>Ferme toutes les sessions, y compris celle-ci. Vous devrez vous reconnecter sur chaque appareil.</p>
${postForm(ctx, '/compte/sessions/toutes', '', 'Se déconnecter partout')}`,
  }
}
