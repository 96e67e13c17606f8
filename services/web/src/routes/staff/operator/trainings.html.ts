import { PAGES } from '@osinum/contracts'
import { errorSummary, frenchDate, type PageContext, postForm, type View } from '../../../components.js'
import { html } from '../../../html.js'
import type { PageProblem } from '../../../problems.js'
import { confirmBox, staffView } from '../ui.js'

export interface TrainingRow {
  slug: string
  title: string
  operatorId: string | null
  nextSessionAt: string | null
  upcomingSessions: number
}

export interface SessionRow {
  id: string
  startsAt: string
  modeLabel: string
  place: string | null
  capacity: number
  registeredCount: number
  waitingCount: number
  cancelled?: boolean
}

export interface Participant {
  name: string
  email: string
  statusLabel: string
  registeredAt: string
}

const AUDIENCE = html`les administrateurs du syndicat (et les éditeurs des formations). La liste des inscrits contient des données personnelles : ne la transmettez qu’aux formateurs de la session.`

export const sessionPath = (id: string) => `${PAGES.staffTrainings}/sessions/${id}`

export function trainingsPage(ctx: PageContext, data: { trainings: TrainingRow[] }): View {
  return staffView(ctx, {
    title: 'Formations',
    audience: AUDIENCE,
    main: html`<h1>Formations</h1>
<p class="lead">Les formations que vous organisez, leurs sessions et les inscrits.</p>
${
  data.trainings.length
    ? html`<table>
<caption>Formations du syndicat</caption>
<thead><tr><th scope="col">Formation</th><th scope="col">Prochaine session</th><th scope="col">Sessions à venir</th></tr></thead>
<tbody>${data.trainings.map(
        (
          t,
        ) => html`<tr><th scope="row"><a href="${PAGES.staffTrainings}/${t.slug}">${t.title}</a>${t.operatorId ? '' : html` <span class="muted">(nationale)</span>`}</th>
<td>${t.nextSessionAt ? frenchDate(t.nextSessionAt) : '—'}</td><td>${t.upcomingSessions}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>Aucune formation pour l’instant.</p>`
}`,
  })
}

export function trainingPage(
  ctx: PageContext,
  data: { title: string; slug: string; sessions: SessionRow[] },
): View {
  return staffView(ctx, {
    title: data.title,
    audience: AUDIENCE,
    main: html`<p><a href="${PAGES.staffTrainings}">← Formations</a></p>
<h1>${data.title}</h1>
<p><a href="${PAGES.training(data.slug)}">Page publique de la formation</a></p>
${
  data.sessions.length
    ? html`<table>
<caption>Sessions</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Lieu</th><th scope="col">Inscrits</th><th scope="col">En attente</th></tr></thead>
<tbody>${data.sessions.map(
        (
          s,
        ) => html`<tr><th scope="row"><a href="${sessionPath(s.id)}">${frenchDate(s.startsAt)}</a>${s.cancelled ? html` <strong class="tag tag-warning">annulée</strong>` : ''}</th>
<td>${s.modeLabel}${s.place ? html`, ${s.place}` : ''}</td><td>${s.registeredCount} sur ${s.capacity}</td><td>${s.waitingCount}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>Aucune session prévue.</p>`
}`,
  })
}

export function sessionPage(
  ctx: PageContext,
  data: {
    session: SessionRow & { trainingTitle: string; trainingSlug: string }
    participants: Participant[]
    problem?: PageProblem
  },
): View {
  const s = data.session
  return staffView(ctx, {
    title: `Inscrits : ${s.trainingTitle}`,
    audience: AUDIENCE,
    main: html`<p><a href="${PAGES.staffTrainings}/${s.trainingSlug}">← ${s.trainingTitle}</a></p>
<h1>Inscrits à la session du ${frenchDate(s.startsAt)}</h1>
<p class="lead">${s.trainingTitle} — ${s.modeLabel}${s.place ? `, ${s.place}` : ''}. ${s.registeredCount} inscrit${s.registeredCount > 1 ? 's' : ''} sur ${s.capacity} places, ${s.waitingCount} en liste d’attente.</p>
<p><a class="button button-secondary" href="${sessionPath(s.id)}/inscrits.csv" download>Télécharger la liste (CSV, pour un tableur)</a></p>
<p class="hint">La liste comporte une colonne « Présence » vide, à remplir le jour de la session (feuille d’émargement) : osinum n’enregistre pas encore la présence.</p>
${
  data.participants.length
    ? html`<table>
<caption>Personnes inscrites ou en attente</caption>
<thead><tr><th scope="col">Nom</th><th scope="col">Adresse e-mail</th><th scope="col">Inscription</th><th scope="col">Depuis le</th></tr></thead>
<tbody>${data.participants.map(
        (p) =>
          html`<tr><th scope="row">${p.name}</th><td>${p.email}</td><td>${p.statusLabel}</td><td>${frenchDate(p.registeredAt, false)}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p>Personne n’est encore inscrit.</p>`
}
${
  s.cancelled
    ? html`<p class="notice">Cette session est annulée : les inscrits ont été prévenus par e-mail.</p>`
    : html`<h2>Annuler la session</h2>
${errorSummary(data.problem)}
${postForm(
  ctx,
  `${sessionPath(s.id)}/annuler`,
  confirmBox(
    'confirmer',
    'chaque inscrit et chaque personne en liste d’attente reçoit un e-mail d’annulation qui retire la session de son agenda ; les inscriptions restent dans l’historique, marquées annulées. Une session annulée ne peut pas être rouverte.',
    data.problem,
  ),
  'Annuler la session',
)}`
}`,
  })
}
