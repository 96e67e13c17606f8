import { PAGES, type PlatformRole } from '@osinum/contracts'
import type { FastifyInstance } from 'fastify'
import type { PageContext, View } from '../../components.js'
import { html } from '../../html.js'
import { render } from '../../view.js'
import { allows, requireStaff, STAFF } from './access.js'
import { STAFF_SECTIONS, staffView } from './ui.js'

const ROLE_LABELS: Record<PlatformRole, string> = {
  admin: 'administrateur',
  editor: 'éditeur',
  advisor: 'conseiller',
}

function homePage(ctx: PageContext): View {
  const roles = ctx.staff.platformRoles.map((r) => ROLE_LABELS[r] ?? r).join(', ')
  const sections = STAFF_SECTIONS.filter((s) => allows(ctx, s.check))
  return staffView(ctx, {
    title: 'Gestion',
    audience: html`l’équipe du syndicat : chacun n’y trouve que les rubriques de son rôle.`,
    main: html`<h1>Gestion</h1>
<p class="lead">Votre rôle : <strong>${roles}</strong>${ctx.staff.operatorId ? ` pour ${ctx.operatorName}` : ' pour toute la plateforme'}.</p>
<ul class="cards">${sections.map((s) => html`<li class="card"><h2 class="h3"><a href="${s.href}">${s.label}</a></h2><p>${s.text}</p></li>`)}</ul>`,
  })
}

/** The back-office's home: the sections of the person's role. */
export default async function staffHomeRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.any))
  app.get(PAGES.staff, (request, reply) => render(request, reply, homePage))
}
