import { PAGES } from '@osinum/contracts'
import { fieldError, type PageContext, type View } from '../../components.js'
import { type Content, type Html, html } from '../../html.js'
import { isCurrent } from '../../navigation.js'
import type { PageProblem } from '../../problems.js'
import { allows, STAFF, type StaffCheck } from './access.js'

/** The sections of the back-office, each shown to those its check lets in. */
export const STAFF_SECTIONS: Array<{ href: string; label: string; text: string; check: StaffCheck }> = [
  {
    href: PAGES.staffCommunes,
    label: 'Mes communes',
    text: 'Les communes que vous suivez : niveau, plan d’action, notes.',
    check: STAFF.advisor,
  },
  {
    href: PAGES.staffRequests,
    label: 'Demandes d’aide',
    text: 'Les demandes des communes : les prendre en charge, répondre, clore.',
    check: STAFF.advisor,
  },
  {
    href: '/gestion/besoins',
    label: 'Besoins du territoire',
    text: 'Les faiblesses et souhaits de formation des communes du syndicat, et leur tableau.',
    check: STAFF.advisor,
  },
  {
    href: PAGES.staffModeration,
    label: 'Modération',
    text: 'Avis signalés ou en attente : publier, refuser, avec une raison.',
    check: STAFF.editor,
  },
  {
    href: PAGES.staffContentReports,
    label: 'Signalements',
    text: 'Ressources signalées comme fausses ou dépassées.',
    check: STAFF.editor,
  },
  {
    href: '/gestion/catalogue/import',
    label: 'Import de logiciels',
    text: 'Importer un fichier du SILL ou du Comptoir du Libre, relire, publier les brouillons.',
    check: STAFF.editor,
  },
  {
    href: PAGES.staffOffers,
    label: 'Offres du syndicat',
    text: 'Ce que votre syndicat propose sur un outil du catalogue, avec conditions et prix.',
    check: STAFF.operatorAdmin,
  },
  {
    href: PAGES.staffTrainings,
    label: 'Formations',
    text: 'Les sessions de vos formations, la liste des inscrits et son export.',
    check: STAFF.operatorAdmin,
  },
  {
    href: '/gestion/utilisateurs',
    label: 'Utilisateurs et rôles',
    text: 'Les comptes de votre périmètre et leurs rôles (conseiller, éditeur, administrateur).',
    check: STAFF.operatorAdmin,
  },
  {
    href: '/gestion/journal',
    label: 'Journal d’audit',
    text: 'Qui a fait quoi et quand, avec des filtres.',
    check: STAFF.operatorAdmin,
  },
]

/**
 * A back-office page: the section menu (only what the person may use), the page, and the line
 * saying who may see what is on it.
 */
export function staffView(
  ctx: PageContext,
  page: { title: string; audience: Content; main: Content; status?: number; problem?: PageProblem },
): View {
  const sections = STAFF_SECTIONS.filter((s) => allows(ctx, s.check))
  return {
    title: page.title,
    status: page.status,
    problem: page.problem,
    main: html`<nav aria-label="Gestion" class="staff-nav"><ul>
<li><a href="${PAGES.staff}"${ctx.path === PAGES.staff ? html` aria-current="page"` : ''}>Gestion</a></li>
${sections.map((s) => html`<li><a href="${s.href}"${isCurrent(ctx.path, s.href) ? html` aria-current="page"` : ''}>${s.label}</a></li>`)}
</ul></nav>
${page.main}
<p class="audience"><strong>Qui voit cette page ?</strong> ${page.audience}</p>`,
  }
}

/**
 * The confirmation of a destructive action, without script: a box to tick that says what will
 * happen; the route refuses the form while it is not ticked (`confirmed`).
 */
export function confirmBox(name: string, what: string, problem?: PageProblem): Html {
  const error = fieldError(problem, name)
  return html`<div class="field${error ? ' field-error' : ''}">
${error ? html`<p class="error-message" id="${name}-error"><span class="visually-hidden">Erreur : </span>${error.message}</p>` : ''}
<div class="checkbox"><input type="checkbox" id="${name}" name="${name}" value="oui"${error ? html` aria-describedby="${name}-error" aria-invalid="true"` : ''}>
<label for="${name}">Je confirme : ${what}</label></div>
</div>`
}

export const confirmed = (body: unknown, name: string) =>
  (body as Record<string, unknown> | undefined)?.[name] === 'oui'

/** « 3 déc. 2026 », or a dash. */
const MEDIUM_DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' })
export const shortDate = (iso: string | null | undefined) => (iso ? MEDIUM_DATE.format(new Date(iso)) : '—')
