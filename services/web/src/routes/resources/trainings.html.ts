import {
  errorSummary,
  frenchDate,
  frenchTime,
  type PageContext,
  plural,
  postForm,
  prose,
  type View,
} from '../../components.js'
import { type Html, html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import type { Filters } from '../catalogue/filters.js'
import { facetGroup, searchLayout } from '../catalogue/lists.html.js'
import type { Training, TrainingList, TrainingSession } from '../catalogue/types.js'

export const TRAINING_FILTERS = ['q', 'page', 'theme'] as const
export const TRAININGS_PER_PAGE = 20
const PATH = '/formations'

const time = frenchTime
const WEEKDAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Europe/Paris' })
const weekday = (iso: string) => WEEKDAY.format(new Date(iso))

/** « jeudi 21 janvier 2027, de 14 h 00 à 16 h 00 » (Paris time). */
export const sessionWhen = (s: Pick<TrainingSession, 'startsAt' | 'endsAt'>) =>
  `${weekday(s.startsAt)} ${frenchDate(s.startsAt, false)}, de ${time(s.startsAt)} à ${time(s.endsAt)}`

const duration = (n: number | null) =>
  n
    ? n < 60
      ? `${n} minutes`
      : `${String(Math.round(n / 6) / 10).replace('.', ',')} heure${n >= 120 ? 's' : ''}`
    : ''

export function trainingsPage(
  _ctx: PageContext,
  input: { filters: Filters; result?: TrainingList; problem?: PageProblem },
): View {
  const { filters, result } = input
  const q = filters.first('q')
  return {
    title: q ? `Formations : « ${q} »` : 'Formations',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: searchLayout({
      filters,
      path: PATH,
      heading: 'Formations',
      lead: 'Des formations courtes, en visio ou près de chez vous, pour les élus et les agents.',
      problem: input.problem,
      search: { label: 'Rechercher une formation', hint: 'Par exemple : RGPD, open data, bureautique.' },
      facetNames: ['theme'],
      facets: result
        ? facetGroup(filters, PATH, { name: 'theme', title: 'Thème', values: result.facets.theme })
        : '',
      total: result?.total,
      found: ['formation', 'formations', 'Aucune formation trouvée'],
      results: html`<ul class="tool-list" aria-labelledby="resultats">${result?.items.map(
        (t) => html`<li class="tool">
<h3><a href="/formations/${t.slug}">${t.title}</a></h3>
<p>${t.summary}</p>
<p class="muted">${t.levelLabel}${t.durationMinutes ? ` · ${duration(t.durationMinutes)}` : ''} · ${
          t.nextSessionAt
            ? `prochaine session le ${frenchDate(t.nextSessionAt)}${t.upcomingSessions > 1 ? ` (${plural(t.upcomingSessions, 'session prévue', 'sessions prévues')})` : ''}`
            : 'pas de session prévue pour le moment'
        }</p>
</li>`,
      )}</ul>`,
      perPage: TRAININGS_PER_PAGE,
    }),
  }
}

function seats(s: TrainingSession): string {
  if (s.seatsLeft > 0) return plural(s.seatsLeft, 'place restante', 'places restantes')
  return `Complet${s.waitingCount ? ` — ${plural(s.waitingCount, 'personne', 'personnes')} en liste d’attente` : ''}`
}

function sessionCard(ctx: PageContext, training: Training, s: TrainingSession): Html {
  const mine = s.myRegistration
  const registered = mine?.status === 'registered'
  const waiting = mine?.status === 'waiting'
  const past = new Date(s.startsAt).getTime() <= Date.now()
  const action = `/formations/${training.slug}`
  // A cancelled session stays listed (its registrants come back to it from their email), without actions.
  if (s.cancelled)
    return html`<li class="card session session-cancelled">
<h3>${sessionWhen(s)} <strong class="tag tag-warning">Session annulée</strong></h3>
<p>Les organisateurs ont annulé cette session${mine ? ' : votre inscription est annulée, vous avez été prévenu par e-mail' : ''}. Choisissez une autre session si elle est proposée.</p>
</li>`
  return html`<li class="card session">
<h3>${sessionWhen(s)}</h3>
<dl class="summary-list">
<div><dt>Où</dt><dd>${s.mode === 'online' ? 'En visio (le lien est donné aux inscrits)' : (s.place ?? s.modeLabel)}</dd></div>
<div><dt>Places</dt><dd>${seats(s)}</dd></div>
${mine ? html`<div><dt>Vous</dt><dd><strong>${registered ? 'Inscription confirmée' : waiting ? `En liste d’attente${mine.position ? ` (position ${mine.position})` : ''}` : mine.statusLabel}</strong></dd></div>` : ''}
${registered && s.onlineUrl?.startsWith('https://') ? html`<div><dt>Lien de la visio</dt><dd><a href="${s.onlineUrl}">${s.onlineUrl}</a></dd></div>` : ''}
</dl>
<div class="button-group">
${
  past
    ? html`<p>Cette session a commencé ou est passée.</p>`
    : registered || waiting
      ? postForm(
          ctx,
          action,
          html`<input type="hidden" name="action" value="annulation"><input type="hidden" name="registrationId" value="${mine!.id}">`,
          waiting ? 'Quitter la liste d’attente' : 'Annuler mon inscription',
        )
      : ctx.signedIn
        ? postForm(
            ctx,
            action,
            html`<input type="hidden" name="action" value="inscription"><input type="hidden" name="sessionId" value="${s.id}">`,
            s.seatsLeft > 0 ? 'M’inscrire' : 'M’inscrire sur la liste d’attente',
          )
        : html`<p><a class="button" href="/connexion?retour=${encodeURIComponent(action)}">Se connecter pour s’inscrire</a></p>`
}
<p><a href="/formations/${training.slug}/sessions/${s.id}/agenda.ics" download="formation.ics">Ajouter à mon agenda</a> <span class="muted">(fichier .ics)</span></p>
</div>
</li>`
}

export function trainingPage(ctx: PageContext, input: { training: Training; problem?: PageProblem }): View {
  const t = input.training
  const upcoming = t.sessions.filter((s) => new Date(s.endsAt).getTime() > Date.now())
  return {
    title: `${t.title} — Formations`,
    problem: input.problem,
    status: input.problem ? 409 : 200,
    main: html`<nav aria-label="Fil d’Ariane" class="breadcrumb"><a href="/formations">Formations</a> › <span aria-current="page">${t.title}</span></nav>
<h1>${t.title}</h1>
<p class="lead">${t.summary}</p>
<p class="muted">${t.levelLabel}${t.durationMinutes ? ` · ${duration(t.durationMinutes)}` : ''}</p>
${errorSummary(input.problem)}
<h2 id="sessions">Les sessions</h2>
${upcoming.length ? html`<ul class="session-list">${upcoming.map((s) => sessionCard(ctx, t, s))}</ul>` : html`<p>Aucune session n’est prévue pour le moment.</p>`}
<h2>Le programme</h2>
${prose(t.descriptionHtml)}
<p><a href="/formations">Toutes les formations</a></p>`,
  }
}
