import { PAGES } from '@osinum/contracts'
import {
  errorSummary,
  frenchDate,
  type PageContext,
  postForm,
  select,
  textArea,
  type View,
} from '../../../components.js'
import { html } from '../../../html.js'
import type { PageProblem } from '../../../problems.js'
import { confirmBox, shortDate, staffView } from '../ui.js'

export interface RequestSummary {
  id: string
  organisationId: string
  organisationName: string | null
  topic: string
  status: 'new' | 'assigned' | 'in-progress' | 'closed'
  statusLabel: string
  assigneeId: string | null
  createdAt: string
  lastActivityAt: string
}

export interface RequestDetail extends RequestSummary {
  message: string
  matchedViaLabel: string
}

export interface Message {
  id: string
  fromAdvisor: boolean
  authorId: string | null
  body: string
  createdAt: string
}

/** Names of the operator's advisors (from its assignments), to say who holds a request. */
export type Advisors = Map<string, string>

const AUDIENCE = html`les conseillers et administrateurs du syndicat. Les messages sont aussi vus par la commune qui a fait la demande.`

const who = (id: string | null, me: string, advisors: Advisors) =>
  !id ? 'personne' : id === me ? 'vous' : (advisors.get(id) ?? 'un autre conseiller')

export const STATUS_FILTERS = [
  { value: 'ouvertes', label: 'Ouvertes (pas encore closes)' },
  { value: 'new', label: 'Nouvelles, pas encore prises en charge' },
  { value: 'closed', label: 'Clôturées' },
  { value: 'toutes', label: 'Toutes' },
]

export function requestsPage(
  ctx: PageContext,
  data: {
    items: RequestSummary[]
    total: number
    filter: string
    me: string
    advisors: Advisors
    commune?: string
  },
): View {
  return staffView(ctx, {
    title: 'Demandes d’aide',
    audience: AUDIENCE,
    main: html`<h1>Demandes d’aide</h1>
<p class="lead">Les demandes des communes de votre syndicat. Prenez-en une en charge, répondez, puis clôturez-la quand c’est réglé.</p>
<form method="get" action="${PAGES.staffRequests}" class="filters">
${data.commune ? html`<input type="hidden" name="commune" value="${data.commune}">` : ''}
${select({ name: 'statut', label: 'Afficher', options: STATUS_FILTERS, value: data.filter })}
<div class="actions"><button type="submit" class="button button-secondary">Filtrer</button></div>
</form>
${
  data.items.length
    ? html`<table>
<caption>${data.total} demande${data.total > 1 ? 's' : ''}${data.commune ? ' de cette commune' : ''}</caption>
<thead><tr><th scope="col">Sujet</th><th scope="col">Commune</th><th scope="col">État</th><th scope="col">Suivie par</th><th scope="col">Dernière activité</th></tr></thead>
<tbody>${data.items.map(
        (r) => html`<tr>
<th scope="row"><a href="${PAGES.staffRequest(r.id)}">${r.topic}</a></th>
<td>${r.organisationName ?? '—'}</td>
<td>${r.statusLabel}</td>
<td>${who(r.assigneeId, data.me, data.advisors)}</td>
<td>${shortDate(r.lastActivityAt)}</td>
</tr>`,
      )}</tbody>
</table>`
    : html`<p>Aucune demande ${data.filter === 'ouvertes' ? 'ouverte' : ''} pour l’instant.</p>`
}`,
  })
}

export function requestPage(
  ctx: PageContext,
  data: {
    request: RequestDetail
    messages: Message[]
    me: string
    advisors: Advisors
    reply?: string
    problem?: PageProblem
  },
): View {
  const r = data.request
  const open = r.status !== 'closed'
  const base = PAGES.staffRequest(r.id)
  const colleagues = [...data.advisors].filter(([id]) => id !== data.me && id !== r.assigneeId)
  return staffView(ctx, {
    title: r.topic,
    problem: data.problem,
    audience: AUDIENCE,
    main: html`<p><a href="${PAGES.staffRequests}">← Demandes d’aide</a></p>
<h1>${r.topic}</h1>
${errorSummary(data.problem)}
<dl class="summary-list">
<div><dt>Commune</dt><dd><a href="${PAGES.staffCommune(r.organisationId)}">${r.organisationName ?? '—'}</a></dd></div>
<div><dt>État</dt><dd>${r.statusLabel}</dd></div>
<div><dt>Suivie par</dt><dd>${who(r.assigneeId, data.me, data.advisors)}</dd></div>
<div><dt>Reçue le</dt><dd>${frenchDate(r.createdAt)}</dd></div>
<div><dt>Orientée vers</dt><dd>${r.matchedViaLabel}</dd></div>
</dl>
<h2>Demande de la commune</h2>
<blockquote class="message">${r.message}</blockquote>
<h2>Échanges</h2>
${
  data.messages.length
    ? html`<ol class="plain-list messages">${data.messages.map(
        (m) =>
          html`<li class="message${m.fromAdvisor ? ' from-advisor' : ''}"><p class="hint">${m.fromAdvisor ? (m.authorId === data.me ? 'Vous' : 'Le syndicat') : 'La commune'}, le ${frenchDate(m.createdAt)}</p><p>${m.body}</p></li>`,
      )}</ol>`
    : html`<p class="muted">Pas encore de réponse.</p>`
}
${
  open
    ? html`${
        r.assigneeId !== data.me
          ? postForm(
              ctx,
              `${base}/prendre`,
              html`<p>${r.assigneeId ? 'Un collègue suit déjà cette demande : vous pouvez la reprendre.' : 'Personne ne suit encore cette demande.'}</p>`,
              'Prendre en charge',
            )
          : ''
      }
${postForm(
  ctx,
  `${base}/repondre`,
  textArea({
    name: 'body',
    label: 'Votre réponse à la commune',
    hint: 'La commune la reçoit par e-mail et la voit sur sa page d’aide.',
    value: data.reply,
    problem: data.problem,
  }),
  'Envoyer la réponse',
)}
${
  colleagues.length
    ? postForm(
        ctx,
        `${base}/confier`,
        select({
          name: 'advisorId',
          label: 'Confier la demande à un collègue',
          options: colleagues.map(([id, name]) => ({ value: id, label: name })),
          problem: data.problem,
        }),
        'Confier',
      )
    : ''
}
<h2>Clôturer</h2>
${postForm(
  ctx,
  `${base}/cloturer`,
  confirmBox(
    'confirmer',
    'la demande sera close pour de bon (la commune en fera une nouvelle si besoin) et la commune en sera prévenue.',
    data.problem,
  ),
  'Clôturer la demande',
)}`
    : html`<p>Cette demande est close${r.status === 'closed' ? '' : ''}. La commune peut en faire une nouvelle.</p>`
}`,
  })
}
