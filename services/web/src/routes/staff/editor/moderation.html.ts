import { PAGES } from '@osinum/contracts'
import {
  errorSummary,
  frenchDate,
  type PageContext,
  postForm,
  radios,
  textArea,
  type View,
} from '../../../components.js'
import { html } from '../../../html.js'
import type { PageProblem } from '../../../problems.js'
import { confirmBox, shortDate, staffView } from '../ui.js'

export interface QueueReview {
  id: string
  toolSlug: string
  organisationName: string | null
  rating: number
  text: string
  status: string
  reportCount: number
  createdAt: string
}

export interface ReviewDetail extends QueueReview {
  toolName: string
  moderationNote: string | null
  moderatedAt: string | null
  reports: Array<{ reason: string; createdAt: string }>
}

const STATUS: Record<string, string> = {
  pending: 'En attente de modération',
  published: 'Publié',
  rejected: 'Refusé',
}

const MODERATORS = html`les éditeurs et administrateurs (un éditeur du syndicat : les avis de ses communes seulement). Les auteurs des signalements ne sont jamais affichés.`

const excerpt = (text: string, n = 120) => (text.length > n ? `${text.slice(0, n - 1)}…` : text)

function reviewTable(caption: string, items: QueueReview[]) {
  if (!items.length) return html`<p class="muted">${caption} : aucun pour l’instant.</p>`
  return html`<table>
<caption>${caption} (${items.length})</caption>
<thead><tr><th scope="col">Avis</th><th scope="col">Outil</th><th scope="col">Commune</th><th scope="col">Signalements</th><th scope="col">Reçu le</th></tr></thead>
<tbody>${items.map(
    (r) => html`<tr>
<th scope="row"><a href="${PAGES.staffReview(r.id)}">${r.rating}/5 : « ${excerpt(r.text)} »</a></th>
<td>${r.toolSlug}</td><td>${r.organisationName ?? '—'}</td><td>${r.reportCount}</td><td>${shortDate(r.createdAt)}</td>
</tr>`,
  )}</tbody>
</table>`
}

export function moderationPage(
  ctx: PageContext,
  data: { reported: QueueReview[]; pending: QueueReview[] },
): View {
  return staffView(ctx, {
    title: 'Modération des avis',
    audience: MODERATORS,
    main: html`<h1>Modération des avis</h1>
<p class="lead">Un avis n’est visible qu’une fois publié. Un avis signalé trois fois revient ici en attente. Les retours d’expérience et commentaires signalés sont dans les <a href="${PAGES.staffContentReports}">signalements</a>.</p>
<h2>Avis signalés</h2>
${reviewTable('Avis signalés par des communes', data.reported)}
<h2>Avis en attente</h2>
${reviewTable('Avis en attente de modération', data.pending)}`,
  })
}

export function reviewPage(
  ctx: PageContext,
  data: { review: ReviewDetail; decision?: string; note?: string; problem?: PageProblem },
): View {
  const r = data.review
  return staffView(ctx, {
    title: `Avis sur ${r.toolName}`,
    problem: data.problem,
    audience: MODERATORS,
    main: html`<p><a href="${PAGES.staffModeration}">← Modération des avis</a></p>
<h1>Avis sur ${r.toolName}</h1>
${errorSummary(data.problem)}
<dl class="summary-list">
<div><dt>État</dt><dd>${STATUS[r.status] ?? r.status}${r.moderatedAt ? html` (décision du ${frenchDate(r.moderatedAt)}${r.moderationNote ? html` : ${r.moderationNote}` : ''})` : ''}</dd></div>
<div><dt>Commune</dt><dd>${r.organisationName ?? '—'}</dd></div>
<div><dt>Note</dt><dd>${r.rating} sur 5</dd></div>
<div><dt>Reçu le</dt><dd>${frenchDate(r.createdAt)}</dd></div>
<div><dt>Outil</dt><dd><a href="${PAGES.tool(r.toolSlug)}">${r.toolName}</a></dd></div>
</dl>
<h2>Texte de l’avis</h2>
<blockquote class="message">${r.text}</blockquote>
<h2>Signalements</h2>
${
  r.reports.length
    ? html`<ul>${r.reports.map((p) => html`<li>« ${p.reason} » <span class="hint">(${shortDate(p.createdAt)})</span></li>`)}</ul>`
    : html`<p class="muted">Aucun signalement en cours.</p>`
}
<h2>Décision</h2>
${postForm(
  ctx,
  PAGES.staffReview(r.id),
  html`${radios({
    name: 'decision',
    legend: 'Que faire de cet avis ?',
    value: data.decision,
    problem: data.problem,
    options: [
      {
        value: 'published',
        label: 'Le publier',
        hint: '(visible sur la page de l’outil ; les signalements sont effacés)',
      },
      { value: 'rejected', label: 'Le refuser', hint: '(retiré de la page de l’outil)' },
    ],
  })}
${textArea({
  name: 'note',
  label: 'Raison de la décision',
  hint: 'Obligatoire pour un refus. Conservée avec l’avis et vue par les autres modérateurs.',
  value: data.note,
  problem: data.problem,
  rows: 3,
})}
${confirmBox('confirmer', 'si je refuse l’avis, il disparaît de la page de l’outil (je pourrai le publier de nouveau depuis cette page).', data.problem)}`,
  'Enregistrer la décision',
)}`,
  })
}

export interface ContentReport {
  id: string
  contentType: 'resource' | 'experience' | 'comment'
  contentId: string
  reasonLabel: string
  message: string | null
  createdAt: string
  title?: string | null
  resourceSlug?: string | null
  experienceId?: string | null
  contentStatus?: string | null
}

const TYPE: Record<ContentReport['contentType'], string> = {
  resource: 'Ressource',
  experience: 'Retour d’expérience',
  comment: 'Commentaire',
}

function contentLink(r: ContentReport) {
  const label = r.title || TYPE[r.contentType]
  if (r.contentType === 'resource' && r.resourceSlug)
    return html`<a href="${PAGES.resource(r.resourceSlug)}">${label}</a>`
  return html`${label}`
}

export function reportsPage(
  ctx: PageContext,
  data: { reports: ContentReport[]; problem?: PageProblem; failedId?: string },
): View {
  return staffView(ctx, {
    title: 'Signalements',
    problem: data.problem,
    audience: html`les éditeurs et administrateurs. Les auteurs des signalements ne sont jamais affichés.`,
    main: html`<h1>Signalements</h1>
<p class="lead">Ressources, retours d’expérience et commentaires que des lecteurs ont signalés. Les avis sur les outils sont dans la <a href="${PAGES.staffModeration}">modération des avis</a>.</p>
${errorSummary(data.problem)}
${
  data.reports.length
    ? html`<ul class="plain-list">${data.reports.map(
        (r) => html`<li class="card report">
<h2 class="h3">${TYPE[r.contentType]} : ${contentLink(r)}</h2>
<p><strong>${r.reasonLabel}</strong>${r.message ? html` : « ${r.message} »` : ''} <span class="hint">(${shortDate(r.createdAt)})</span></p>
${postForm(
  ctx,
  `${PAGES.staffContentReports}/${r.id}`,
  html`${radios({
    name: `action-${r.id}`,
    legend: 'Suite donnée',
    problem: r.id === data.failedId ? data.problem : undefined,
    options: [
      { value: 'resolved', label: 'Corrigé', hint: '(le contenu a été mis à jour)' },
      { value: 'dismissed', label: 'Écarter le signalement', hint: '(le contenu est correct)' },
      ...(r.contentType === 'resource'
        ? []
        : [
            {
              value: 'hide',
              label: 'Masquer ce contenu',
              hint: '(il disparaît partout, son auteur le voit masqué)',
            },
          ]),
    ],
  })}
${textArea({ name: `note-${r.id}`, label: 'Raison (conservée avec le signalement)', rows: 2 })}`,
  'Enregistrer',
)}
</li>`,
      )}</ul>`
    : html`<p>Aucun signalement en attente.</p>`
}`,
  })
}
