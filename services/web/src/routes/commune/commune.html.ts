import {
  errorSummary,
  field,
  frenchDate,
  frenchNumber,
  type PageContext,
  postForm,
  radios,
  type View,
} from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'

/** A commune as the official data describe it (search results). */
export interface OfficialCommune {
  officialCode: string
  name: string
  population: number | null
  departement: string | null
  departementName: string | null
  postcodes: string[]
}

const ROLE_OPTIONS = [
  { value: 'elected', label: 'Élu ou élue', hint: '(maire, adjoint, conseiller)' },
  { value: 'agent', label: 'Agent de la commune', hint: '(secrétaire de mairie, autre agent)' },
]

const place = (c: OfficialCommune) =>
  [c.postcodes[0], c.departementName ? `${c.departementName} (${c.departement})` : c.departement]
    .filter(Boolean)
    .join(', ')

const inhabitants = (n: number | null) => (n === null ? '' : `${frenchNumber(n)} habitants`)

export function communePage(
  ctx: PageContext,
  input: { q: string; results?: OfficialCommune[]; problem?: PageProblem },
): View {
  return {
    title: ctx.orgs.length ? 'Votre commune' : 'Trouver votre commune',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`${
      ctx.orgs.length
        ? html`<h1>Votre commune</h1>
<ul class="plain-list">${ctx.orgs.map((o) => html`<li><strong>${o.name}</strong>${o.referent ? ' — vous en êtes la personne référente' : ''}</li>`)}</ul>
${ctx.orgs.some((o) => o.referent) ? html`<p><a class="button" href="/commune/inviter">Inviter un collègue</a></p>` : ''}
<h2>Une autre commune ?</h2>`
        : html`<h1>Trouver votre commune</h1>
<p class="lead">Indiquez le nom de votre commune ou son code postal. Si elle n’est pas encore inscrite sur osinum, vous pourrez l’inscrire.</p>`
    }
${errorSummary(input.problem)}
<form method="get" action="/commune" class="search-form" role="search">
${field({ name: 'q', label: 'Nom ou code postal de la commune', type: 'search', value: input.q, hint: 'Par exemple : Alleyrat, ou 23200.', problem: input.problem })}
<div class="actions"><button type="submit" class="button">Rechercher</button></div>
</form>
${
  input.results
    ? input.results.length
      ? html`<h2 id="resultats">${input.results.length === 1 ? '1 commune trouvée' : `${input.results.length} communes trouvées`}</h2>
<ul class="result-list" aria-labelledby="resultats">${input.results.map(
          (c) =>
            html`<li><a href="/commune/confirmer?code=${c.officialCode}">${c.name}</a> <span class="muted">${place(c)}${c.population !== null ? ` — ${inhabitants(c.population)}` : ''}</span></li>`,
        )}</ul>`
      : html`<h2>Aucune commune trouvée</h2><p>Vérifiez l’orthographe, ou essayez avec le code postal.</p>`
    : ''
}`,
  }
}

export function confirmCommunePage(
  ctx: PageContext,
  input: { commune: OfficialCommune; role?: string; problem?: PageProblem },
): View {
  const c = input.commune
  return {
    title: `Inscrire ${c.name}`,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Inscrire ${c.name} sur osinum</h1>
<dl class="summary-list">
<div><dt>Commune</dt><dd>${c.name}</dd></div>
<div><dt>Où</dt><dd>${place(c)}</dd></div>
${c.population !== null ? html`<div><dt>Population</dt><dd>${inhabitants(c.population)}</dd></div>` : ''}
<div><dt>Code Insee</dt><dd>${c.officialCode}</dd></div>
</dl>
${errorSummary(input.problem)}
${postForm(
  ctx,
  '/commune',
  html`<input type="hidden" name="code" value="${c.officialCode}">
${radios({ name: 'role', legend: 'Vous êtes', options: ROLE_OPTIONS, value: input.role, problem: input.problem })}`,
  'Inscrire ma commune',
  html` <a href="/commune">Ce n’est pas ma commune</a>`,
)}
<p class="hint">Vous deviendrez la personne référente de la commune sur osinum : c’est vous qui inviterez vos collègues.</p>`,
  }
}

/** The commune is already registered: how to join it. */
export function alreadyRegisteredPage(_ctx: PageContext, commune: { name: string }): View {
  return {
    title: `${commune.name} est déjà inscrite`,
    status: 409,
    main: html`<h1>${commune.name} est déjà inscrite sur osinum</h1>
<p class="lead">Quelqu’un de votre commune l’a déjà inscrite. Pour la rejoindre, demandez-lui de vous inviter : il ou elle le fait depuis sa page « Votre commune », avec votre adresse e-mail. Vous recevrez alors un e-mail avec un lien.</p>
<p>Vous ne savez pas qui c’est ? Demandez au secrétariat de mairie ou au maire.</p>
<p><a href="/tableau-de-bord">Revenir au tableau de bord</a></p>`,
  }
}

/** After the registration: the state the API returns (a claim may wait for a verification). */
export function registeredMessage(name: string, status?: string): string {
  if (status === 'pending') return `Votre demande pour ${name} est enregistrée.`
  return `${name} est inscrite sur osinum. Vous pouvez maintenant inviter vos collègues.`
}

export interface PendingInvitation {
  email: string | null
  role: string
  expiresAt: string
}

function pendingList(pending: PendingInvitation[]) {
  if (!pending.length) return html``
  return html`<h2>Invitations pas encore acceptées</h2>
<ul class="plain-list">${pending.map(
    (i) =>
      html`<li><strong>${i.email ?? 'Adresse effacée'}</strong> (${i.role === 'elected' ? 'élu ou élue' : 'agent'}) — le lien fonctionne jusqu’au ${frenchDate(i.expiresAt, false)}</li>`,
  )}</ul>`
}

export function invitePage(
  ctx: PageContext,
  input: {
    pending?: PendingInvitation[]
    orgs: Array<{ id: string; name: string }>
    email?: string
    role?: string
    organisationId?: string
    problem?: PageProblem
  },
): View {
  return {
    title: 'Inviter un collègue',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Inviter un collègue</h1>
<p class="lead">Élus et secrétariat travaillent mieux ensemble. Votre collègue recevra un e-mail avec un lien pour rejoindre la commune (valable 7 jours).</p>
${errorSummary(input.problem)}
${
  input.orgs.length
    ? postForm(
        ctx,
        '/commune/inviter',
        html`${
          input.orgs.length > 1
            ? radios({
                name: 'organisationId',
                legend: 'Pour quelle commune ?',
                options: input.orgs.map((o) => ({ value: o.id, label: o.name })),
                value: input.organisationId,
                problem: input.problem,
              })
            : html`<input type="hidden" name="organisationId" value="${input.orgs[0]!.id}"><p>Commune : <strong>${input.orgs[0]!.name}</strong></p>`
        }
${field({ name: 'email', label: 'Adresse e-mail de votre collègue', type: 'email', value: input.email, autocomplete: 'off', required: true, problem: input.problem })}
${radios({ name: 'role', legend: 'Votre collègue est', options: ROLE_OPTIONS, value: input.role, problem: input.problem })}`,
        'Envoyer l’invitation',
      )
    : html`<p>Seule la personne référente d’une commune peut inviter. Demandez-lui d’inviter votre collègue.</p>`
}
${pendingList(input.pending ?? [])}`,
  }
}
