import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { type FieldError, pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { redirect, render, requireSignIn } from '../../view.js'
import {
  alreadyRegisteredPage,
  communePage,
  confirmCommunePage,
  invitePage,
  type OfficialCommune,
  type PendingInvitation,
  registeredMessage,
} from './commune.html.js'

const ROLES = new Set(['elected', 'agent'])

async function searchCommunes(request: FastifyRequest, q: string, limit = 20): Promise<OfficialCommune[]> {
  const { data } = await request.server.web
    .publicApi(request)
    .GET('/v1/organisations/search', { params: { query: { q, kind: 'commune', limit } } })
  return (data?.items ?? []) as OfficialCommune[]
}

async function communeByCode(request: FastifyRequest, code: string): Promise<OfficialCommune | undefined> {
  if (!/^[0-9AB]{5}$/i.test(code)) return undefined
  return (await searchCommunes(request, code, 5)).find((c) => c.officialCode === code.toUpperCase())
}

/** Onboarding: find my commune (accent-insensitive, by name or postcode), register it or learn how to join it; invite a colleague. */
export default async function communeRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireSignIn)

  app.get('/commune', async (request, reply) => {
    const q = queryText(request, 'q').slice(0, 100)
    const results = q ? await searchCommunes(request, q) : undefined
    return render(request, reply, (ctx) => communePage(ctx, { q, results }))
  })

  app.get('/commune/confirmer', async (request, reply) => {
    const commune = await communeByCode(request, queryText(request, 'code'))
    if (!commune) return redirect(reply, '/commune')
    return render(request, reply, (ctx) => confirmCommunePage(ctx, { commune }))
  })

  app.post('/commune', async (request, reply) => {
    const code = bodyText(request, 'code')
    const role = bodyText(request, 'role')
    const commune = await communeByCode(request, code)
    if (!commune) return redirect(reply, '/commune')
    if (!ROLES.has(role))
      return render(request, reply, (ctx) =>
        confirmCommunePage(ctx, {
          commune,
          problem: {
            message: 'Le formulaire est incomplet.',
            fields: [{ field: 'role', message: 'Indiquez si vous êtes élu ou agent.' }],
          },
        }),
      )
    const api = await request.server.web.api(request)
    const { data, error } = await api.POST('/v1/organisations', {
      body: { kind: 'commune', officialCode: commune.officialCode, role: role as 'elected' },
    })
    if (error?.code === 'OSI_IDENTITY_ORGANISATION_EXISTS')
      return render(request, reply, (ctx) => alreadyRegisteredPage(ctx, commune))
    if (!data)
      return render(request, reply, (ctx) =>
        confirmCommunePage(ctx, { commune, role, problem: pageProblem(error) }),
      )
    await request.server.web.refreshProfile(request)
    // 201: the collectivité is registered, pending until its syndicate (or ProConnect) verifies the
    // claim; 202: it was registered already, and the person's claim waits for a decision.
    const claim = 'organisationName' in data
    flash(
      request,
      registeredMessage(claim ? data.organisationName : data.name, claim ? 'pending' : data.verification),
    )
    return redirect(reply, '/tableau-de-bord')
  })

  const referentOrgs = (request: FastifyRequest) =>
    (request.session.get('auth')?.orgs ?? []).filter((o) => o.referent)

  /** Invitations sent and not accepted yet, of the collectivités the person is referent of. */
  async function pendingInvitations(request: FastifyRequest): Promise<PendingInvitation[]> {
    const api = await request.server.web.api(request)
    const lists = await Promise.all(
      referentOrgs(request).map((o) =>
        api.GET('/v1/invitations', { params: { query: { organisationId: o.id, limit: 50 } } }),
      ),
    )
    return lists.flatMap(({ data }) => (data?.items ?? []).filter((i) => i.status === 'pending'))
  }

  app.get('/commune/inviter', async (request, reply) => {
    const pending = await pendingInvitations(request)
    return render(request, reply, (ctx) => invitePage(ctx, { orgs: referentOrgs(request), pending }))
  })

  app.post('/commune/inviter', async (request, reply) => {
    const orgs = referentOrgs(request)
    const email = bodyText(request, 'email')
    const role = bodyText(request, 'role')
    const organisationId = bodyText(request, 'organisationId')
    const errors: FieldError[] = []
    if (!orgs.some((o) => o.id === organisationId))
      errors.push({ field: 'organisationId', message: 'Choisissez la commune.' })
    if (!email) errors.push({ field: 'email', message: 'Indiquez l’adresse e-mail de votre collègue.' })
    if (!ROLES.has(role))
      errors.push({ field: 'role', message: 'Indiquez si votre collègue est élu ou agent.' })
    const again = (problem: ReturnType<typeof pageProblem>) =>
      render(request, reply, (ctx) => invitePage(ctx, { orgs, email, role, organisationId, problem }))
    if (errors.length) return again({ message: 'Le formulaire est incomplet.', fields: errors })
    const api = await request.server.web.api(request)
    const { data, error } = await api.POST('/v1/invitations', {
      body: { organisationId, email, role: role as 'agent' },
    })
    if (!data) return again(pageProblem(error, { email: { field: 'email', label: 'l’adresse e-mail' } }))
    flash(request, `Invitation envoyée à ${email}. Votre collègue va recevoir un e-mail avec un lien.`)
    return redirect(reply, '/commune/inviter')
  })
}
