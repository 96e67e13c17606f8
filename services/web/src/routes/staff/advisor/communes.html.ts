import { PAGES } from '@osinum/contracts'
import { errorSummary, notice, type PageContext, postForm, textArea, type View } from '../../../components.js'
import { html } from '../../../html.js'
import type { PageProblem } from '../../../problems.js'
import { shortDate, staffView } from '../ui.js'

export interface DashboardRow {
  organisationId: string
  name: string | null
  departement: string | null
  consent: boolean
  latestLevel: string | null
  latestSubmittedAt: string | null
  openItems: number | null
  overdueItems: number | null
  progressPercent: number | null
  lastContactAt: string | null
  pendingRequests: number
}

/** A commune without any contact for this long is « sans nouvelles ». */
export const SILENT_DAYS = 90

/** Levels A (best) to E, as the results page says them. */
export const levelLabel = (level: string) => `Niveau ${level}`

const silent = (row: DashboardRow, now: number) =>
  !row.lastContactAt || now - Date.parse(row.lastContactAt) > SILENT_DAYS * 86_400_000

const ADVISOR_AUDIENCE = html`vous, les autres conseillers du syndicat et ses administrateurs. Les résultats et le plan d’action d’une commune n’y figurent que si elle a donné son accord.`

export function communesPage(
  ctx: PageContext,
  data: { rows: DashboardRow[]; total: number; pending: number; refused?: boolean },
): View {
  const now = Date.now()
  const rows = data.rows
  return staffView(ctx, {
    title: 'Mes communes',
    audience: ADVISOR_AUDIENCE,
    main: html`<h1>Mes communes</h1>
${data.refused ? notice('Ce tableau est celui d’un conseiller : votre compte n’a pas de communes à suivre.', 'info') : ''}
<p class="lead">${data.total === 0 ? 'Aucune commune ne vous est confiée pour l’instant.' : `${data.total} commune${data.total > 1 ? 's' : ''} vous ${data.total > 1 ? 'sont confiées' : 'est confiée'}.`}
${data.pending ? html` <a href="${PAGES.staffRequests}">${data.pending} demande${data.pending > 1 ? 's' : ''} d’aide en attente</a>.` : ''}</p>
${
  rows.length
    ? html`<table>
<caption>Communes suivies, avec leur dernier diagnostic et leur plan d’action</caption>
<thead><tr><th scope="col">Commune</th><th scope="col">Dernier diagnostic</th><th scope="col">Plan d’action</th><th scope="col">Dernier contact</th><th scope="col">Demandes en attente</th></tr></thead>
<tbody>${rows.map(
        (r) => html`<tr>
<th scope="row"><a href="${PAGES.staffCommune(r.organisationId)}">${r.name ?? 'Commune sans nom'}</a>${r.departement ? html` <span class="muted">(${r.departement})</span>` : ''}${silent(r, now) ? html` <span class="tag tag-warning">Sans nouvelles</span>` : ''}</th>
<td>${!r.consent ? html`<span class="muted">Pas d’accord de la commune</span>` : r.latestLevel ? html`${levelLabel(r.latestLevel)}, le ${shortDate(r.latestSubmittedAt)}` : 'Aucun'}</td>
<td>${!r.consent || r.openItems === null ? '—' : html`${r.openItems} en cours${r.overdueItems ? html`, <strong>${r.overdueItems} en retard</strong>` : ''} (${r.progressPercent ?? 0} % fait)`}</td>
<td>${shortDate(r.lastContactAt)}</td>
<td>${r.pendingRequests ? html`<a href="${PAGES.staffRequests}?commune=${r.organisationId}">${r.pendingRequests}</a>` : '0'}</td>
</tr>`,
      )}</tbody>
</table>
<p class="hint">« Sans nouvelles » : aucun échange depuis ${SILENT_DAYS} jours ou plus.</p>`
    : ''
}`,
  })
}

export interface CommuneData {
  row: DashboardRow
  results?: {
    diagnosticId: string
    submittedAt: string
    levelLabel: string
    overallScore: number
    themes: Array<{ theme: string; label: string; score: number | null }>
    priorities: Array<{ ruleId: string; title: string }>
  }
  plan?: {
    progress: { percent: number; total: number; done: number }
    items: Array<{ id: string; title: string; statusLabel: string; dueDate: string | null; overdue: boolean }>
    privateNotes?: Array<{ id: string; body: string; createdAt: string }>
  }
  note?: string
  problem?: PageProblem
}

export function communePage(ctx: PageContext, data: CommuneData): View {
  const { row, results, plan } = data
  const name = row.name ?? 'Commune sans nom'
  return staffView(ctx, {
    title: name,
    problem: data.problem,
    audience: html`vous, les autres conseillers du syndicat et ses administrateurs. La commune voit ses propres résultats et son plan d’action, <strong>jamais les notes privées</strong>.`,
    main: html`<p><a href="${PAGES.staffCommunes}">← Mes communes</a></p>
<h1>${name}</h1>
${errorSummary(data.problem)}
${
  !row.consent
    ? notice(
        html`<strong>${name} n’a pas donné son accord</strong> pour que ses conseillers voient ses diagnostics et son plan d’action : ils ne sont pas affichés. Vous pouvez toujours répondre à ses <a href="${PAGES.staffRequests}?commune=${row.organisationId}">demandes d’aide</a>.`,
      )
    : html`<h2>Dernier diagnostic</h2>
${
  results
    ? html`<p>Envoyé le ${shortDate(results.submittedAt)} : niveau <strong>${results.levelLabel}</strong> (score ${Math.round(results.overallScore)} sur 100).</p>
<table class="score-table">
<caption>Score par thème, sur 100</caption>
<thead><tr><th scope="col">Thème</th><th scope="col">Score</th></tr></thead>
<tbody>${results.themes.map((t) => html`<tr><th scope="row">${t.label}</th><td>${t.score === null ? 'sans réponse' : html`<meter min="0" max="100" value="${String(Math.round(t.score))}" aria-hidden="true"></meter> ${Math.round(t.score)}`}</td></tr>`)}</tbody>
</table>
${results.priorities.length ? html`<h3>Mesures prioritaires</h3><ol>${results.priorities.map((p) => html`<li>${p.title}</li>`)}</ol>` : ''}`
    : html`<p>La commune n’a pas encore envoyé de diagnostic.</p>`
}
<h2>Plan d’action partagé</h2>
${
  plan?.items.length
    ? html`<p>${plan.progress.percent} % fait (${plan.progress.done} action${plan.progress.done > 1 ? 's' : ''} sur ${plan.progress.total}).</p>
<table>
<caption>Actions du plan, vues aussi par la commune</caption>
<thead><tr><th scope="col">Action</th><th scope="col">État</th><th scope="col">Échéance</th></tr></thead>
<tbody>${plan.items.map((i) => html`<tr><th scope="row">${i.title}</th><td>${i.statusLabel}</td><td>${i.dueDate ? html`${shortDate(i.dueDate)}${i.overdue ? html` <strong>(en retard)</strong>` : ''}` : '—'}</td></tr>`)}</tbody>
</table>`
    : html`<p>Le plan d’action est vide pour l’instant.</p>`
}
<section class="private-notes" aria-labelledby="notes-title">
<h2 id="notes-title">Notes privées <span class="tag tag-private">visible par les conseillers seulement</span></h2>
<p>La commune ne voit jamais ces notes, ni sur ses pages ni par l’API.</p>
${
  plan?.privateNotes?.length
    ? html`<ul class="plain-list">${plan.privateNotes.map((n) => html`<li class="note"><p>${n.body}</p><p class="hint">${shortDate(n.createdAt)}</p></li>`)}</ul>`
    : html`<p class="muted">Aucune note pour l’instant.</p>`
}
${postForm(
  ctx,
  `${PAGES.staffCommune(row.organisationId)}/notes`,
  textArea({
    name: 'body',
    label: 'Nouvelle note privée',
    hint: 'Visible par les conseillers et administrateurs du syndicat seulement.',
    value: data.note,
    problem: data.problem,
  }),
  'Enregistrer la note',
)}
</section>`
}`,
  })
}
