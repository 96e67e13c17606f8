import { type StaffRule, type StaffScope, staffRule } from '@osinum/contracts'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PageContext, View } from '../../components.js'
import { html } from '../../html.js'
import { signedIn } from '../../session.js'
import { render, requireSignIn } from '../../view.js'

/** Who may open a staff page: decided with the contracts' one staff rule, from the session's roles. */
export type StaffCheck = (rule: StaffRule, scope: StaffScope) => boolean

const has = (scope: StaffScope, role: 'admin' | 'editor' | 'advisor') => scope.platformRoles.includes(role)

/** The checks of the staff pages, by audience. */
export const STAFF = {
  /** Anyone with a staff role. */
  any: (_rule, scope) => scope.platformRoles.length > 0,
  /** Advisors (always scoped to an operator) and administrators (theirs, or the platform admin). */
  advisor: (rule, scope) =>
    rule.isPlatformAdmin ||
    (scope.operatorId !== null && (has(scope, 'advisor') || rule.administers(scope.operatorId))),
  /** Editors and administrators: moderation, catalogue. */
  editor: (rule) => rule.isModerator,
  /** The syndicate's administrators (or the platform admin). */
  operatorAdmin: (rule, scope) => rule.isPlatformAdmin || rule.administers(scope.operatorId),
  /** The platform admin only. */
  platformAdmin: (rule) => rule.isPlatformAdmin,
} satisfies Record<string, StaffCheck>

export const scopeOf = (request: FastifyRequest): StaffScope => {
  const auth = signedIn(request)
  return { platformRoles: auth?.roles ?? [], operatorId: auth?.roleOp ?? null }
}

/** Whether the page's viewer passes `check` (for parts of a page: a section, a link). */
export const allows = (ctx: PageContext, check: StaffCheck) => check(staffRule(ctx.staff), ctx.staff)

function refusedPage(_ctx: PageContext): View {
  return {
    title: 'Accès refusé',
    status: 403,
    main: html`<h1>Accès refusé</h1>
<p class="lead">Cette page est réservée à l’équipe du syndicat numérique (conseillers, éditeurs, administrateurs) qui a le rôle nécessaire.</p>
<p>Si vous travaillez pour le syndicat et pensez devoir y accéder, demandez à son administrateur de vous donner ce rôle, puis reconnectez-vous.</p>
<p><a href="/tableau-de-bord">Revenir au tableau de bord</a></p>`,
  }
}

/**
 * preHandler of a staff page group: an anonymous visitor goes to the sign-in page (and comes
 * back), a signed-in person without the role gets the French 403 page. The API checks every call
 * again: this only spares people a page they cannot use.
 */
export function requireStaff(check: StaffCheck) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = signedIn(request)
    if (!auth) return requireSignIn(request, reply)
    // A session opened before the roles were kept in it: reload its profile once.
    if (auth.staff && auth.roles === undefined) await request.server.web.syncProfile(request)
    const scope = scopeOf(request)
    if (!check(staffRule(scope), scope)) return render(request, reply, refusedPage)
  }
}
