import { PAGES } from '@osinum/contracts'
import {
  errorSummary,
  frenchDate,
  type PageContext,
  postForm,
  textArea,
  type View,
} from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'

export interface InboxItem {
  id: string
  title: string
  body: string
  category: string
  createdAt: string
  read: boolean
  link: string | null
  replyable: boolean
}

export const PAGE_SIZE = 20

/** Paragraphs of a plain-text message (blank lines separate them). */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`)

/** « Page suivante / précédente » links of a paged list (`?page=`). */
export function pager(path: string, page: number, total: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size))
  if (pages === 1) return html``
  const sep = path.includes('?') ? '&' : '?'
  return html`<nav class="pager" aria-label="Pages">
${page > 1 ? html`<a href="${path}${sep}page=${page - 1}">Page précédente</a>` : ''}
<span>Page ${page} sur ${pages}</span>
${page < pages ? html`<a href="${path}${sep}page=${page + 1}">Page suivante</a>` : ''}
</nav>`
}

export function inboxPage(
  ctx: PageContext,
  input: { items: InboxItem[]; total: number; page: number; unreadOnly: boolean },
): View {
  const unread = ctx.unread ?? input.items.filter((n) => !n.read).length
  return {
    title: 'Notifications',
    main: html`<h1>Notifications</h1>
<p class="lead">${unread ? `Vous avez ${unread} notification${unread > 1 ? 's' : ''} non lue${unread > 1 ? 's' : ''}.` : 'Vous avez tout lu.'}</p>
<p>${input.unreadOnly ? html`<a href="${PAGES.notifications}">Voir toutes les notifications</a>` : html`<a href="${PAGES.notifications}?non-lues=oui">Voir seulement les non lues</a>`}</p>
${
  input.items.length
    ? html`<ul class="result-list inbox">
${input.items.map(
  (n) => html`<li${n.read ? '' : html` class="unread"`}>
<a href="${PAGES.notification(n.id)}">${n.read ? '' : html`<span class="tag">nouveau</span> `}${n.title}</a>
<p class="hint">${frenchDate(n.createdAt)}</p>
</li>`,
)}
</ul>
${pager(input.unreadOnly ? `${PAGES.notifications}?non-lues=oui` : PAGES.notifications, input.page, input.total)}`
    : html`<p>Aucune notification pour l’instant. Vous en recevrez ici quand un conseiller vous répond, quand une formation approche, ou quand une commune vous écrit.</p>`
}
${unread ? postForm(ctx, '/notifications/tout-lu', '', 'Tout marquer comme lu') : ''}
<p><a href="${PAGES.preferences}">Choisir les e-mails que je reçois</a></p>`,
  }
}

/** One notification without a link of its own (a message relayed from another commune): read it, answer it. */
export function notificationPage(
  ctx: PageContext,
  n: InboxItem,
  input: { link: string | null; reply?: string; problem?: PageProblem },
): View {
  return {
    title: n.title,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p><a href="${PAGES.notifications}">Retour aux notifications</a></p>
<h1>${n.title}</h1>
<p class="hint">Reçue le ${frenchDate(n.createdAt)}</p>
${errorSummary(input.problem)}
<div class="message">${paragraphs(n.body)}</div>
${input.link ? html`<p><a class="button" href="${input.link}">Ouvrir</a></p>` : ''}
${
  n.replyable
    ? html`<h2>Répondre</h2>
<p>Votre réponse est transmise par osinum : votre adresse e-mail n’est pas communiquée.</p>
${postForm(
  ctx,
  `${PAGES.notification(n.id)}/repondre`,
  textArea({
    name: 'message',
    label: 'Votre réponse',
    value: input.reply,
    problem: input.problem,
    maxlength: 4000,
  }),
  'Envoyer ma réponse',
)}`
    : ''
}`,
  }
}
