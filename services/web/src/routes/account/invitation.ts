import type { FastifyInstance } from 'fastify'
import { flash } from '../../session.js'
import { signInLinkRoutes } from './email-link.js'
import { invitationPage } from './invitation.html.js'

export default async function invitationRoutes(app: FastifyInstance) {
  signInLinkRoutes(app, {
    path: '/invitation',
    page: invitationPage,
    spend: (api, token) => api.POST('/v1/invitations/accept', { body: { token } }),
    retry: { href: '/', label: 'Revenir à l’accueil' },
    next: (request, data) => {
      const org = request.session.get('auth')?.orgs.find((o) => o.id === data.organisationId)
      flash(request, `Bienvenue ! Vous avez rejoint ${org?.name ?? 'votre commune'} sur osinum.`)
      return '/tableau-de-bord'
    },
  })
}
