import { PAGES } from '@osinum/contracts'
import type { PageContext } from './components.js'
import { type Content, html } from './html.js'

/** One entry of the main menu. */
export interface NavEntry {
  href: string
  /** Its text, or a function of the page (« Notifications (3) »). */
  label: string | ((ctx: PageContext) => Content)
  /** Shown only when this holds (default: always). */
  when?: (ctx: PageContext) => boolean
}

const signedIn = (ctx: PageContext) => ctx.signedIn
const visitor = (ctx: PageContext) => !ctx.signedIn

function notificationsLabel(ctx: PageContext): Content {
  if (!ctx.unread) return 'Notifications'
  return html`Notifications (${ctx.unread}<span class="visually-hidden"> non lue${ctx.unread > 1 ? 's' : ''}</span>)`
}

/**
 * The main menu, in one place: a page group adds its entry here. The current entry is the one
 * whose path starts the page's path (`/catalogue/nextcloud` is under « Catalogue »).
 */
export const NAV: NavEntry[] = [
  { href: PAGES.dashboard, label: 'Tableau de bord', when: signedIn },
  { href: PAGES.diagnostic, label: 'Diagnostic', when: signedIn },
  { href: PAGES.catalogue, label: 'Catalogue' },
  { href: PAGES.resources, label: 'Ressources' },
  { href: PAGES.trainings, label: 'Formations' },
  { href: PAGES.community, label: 'Communauté' },
  { href: PAGES.help, label: 'Aide', when: signedIn },
  { href: PAGES.notifications, label: notificationsLabel, when: signedIn },
  { href: PAGES.staff, label: 'Gestion', when: (ctx) => ctx.staff.platformRoles.length > 0 },
  { href: PAGES.account, label: 'Mon compte', when: signedIn },
  { href: PAGES.signIn, label: 'Se connecter', when: visitor },
  { href: PAGES.register, label: 'Créer un compte', when: visitor },
]

/** Whether `href` is the menu entry of the page at `path`. */
export function isCurrent(path: string, href: string): boolean {
  if (href === '/') return path === '/'
  return path === href || path.startsWith(`${href}/`)
}
