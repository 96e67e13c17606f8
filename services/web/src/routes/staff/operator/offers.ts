import { PAGES } from '@osinum/contracts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bodyText } from '../../../forms.js'
import { pageProblem } from '../../../problems.js'
import { flash } from '../../../session.js'
import { redirect, render } from '../../../view.js'
import { requireStaff, STAFF, scopeOf } from '../access.js'
import { confirmed } from '../ui.js'
import { type Offer, type OfferInput, offerPage, offersPage } from './offers.html.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
type Params = { Params: { id: string } }

const FIELDS = {
  toolSlug: { field: 'toolSlug', label: 'l’outil' },
  description: { field: 'description', label: 'la description' },
  url: { field: 'url', label: 'l’adresse de la page' },
  priceIndication: { field: 'priceIndication', label: 'le prix indicatif' },
}

/**
 * The operator whose offers the page manages: an operator's administrator manages its own; the
 * platform admin the instance's operator (`WEB_OPERATOR_ID`, or the only one).
 */
async function operatorOf(request: FastifyRequest) {
  const scope = scopeOf(request)
  const { operator } = await request.server.web.operatorOf(request)
  const id = scope.operatorId ?? operator?.id
  return id
    ? { id, name: operator?.id === id ? operator.displayName || operator.name : 'votre syndicat' }
    : undefined
}

const inputOf = (request: FastifyRequest): OfferInput => ({
  toolSlug: bodyText(request, 'toolSlug'),
  description: bodyText(request, 'description'),
  url: bodyText(request, 'url'),
  priceIndication: bodyText(request, 'priceIndication'),
})

/** The syndicate's administrators: its offers on catalogue tools (add, edit, withdraw). */
export default async function operatorOfferRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.operatorAdmin))

  async function list(request: FastifyRequest) {
    const operator = await operatorOf(request)
    const api = await request.server.web.api(request)
    const [{ data: offers }, { data: tools }] = await Promise.all([
      operator
        ? api.GET('/v1/operator-offers', { params: { query: { operatorId: operator.id, limit: 100 } } })
        : Promise.resolve({ data: undefined }),
      api.GET('/v1/tools', { params: { query: { limit: 100 } } }),
    ])
    return {
      operatorName: operator?.name ?? 'votre syndicat',
      offers: (offers?.items ?? []) as Offer[],
      tools: (tools?.items ?? [])
        .map((t) => ({ slug: t.slug, name: t.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    }
  }

  app.get(PAGES.staffOffers, async (request, reply) => {
    const data = await list(request)
    return render(request, reply, (ctx) => offersPage(ctx, data))
  })

  app.post(PAGES.staffOffers, async (request, reply) => {
    const input = inputOf(request)
    const operator = await operatorOf(request)
    const again = async (problem: ReturnType<typeof pageProblem>) => {
      const data = await list(request)
      return render(request, reply, (ctx) => ({
        ...offersPage(ctx, { ...data, input, problem }),
        status: 400,
      }))
    }
    if (!input.toolSlug)
      return again({
        message: 'L’offre n’est pas ajoutée.',
        fields: [{ field: 'toolSlug', message: 'Choisissez un outil.' }],
      })
    const api = await request.server.web.api(request)
    const { error } = await api.POST('/v1/operator-offers', {
      body: {
        ...(operator ? { operatorId: operator.id } : {}),
        toolSlug: input.toolSlug,
        description: input.description || null,
        url: input.url || null,
        priceIndication: input.priceIndication || null,
      },
    })
    if (error) return again(pageProblem(error, FIELDS))
    flash(request, 'Offre ajoutée : elle s’affiche sur la page de l’outil.')
    return redirect(reply, PAGES.staffOffers)
  })

  async function offerOf(request: FastifyRequest<Params>): Promise<Offer | undefined> {
    if (!UUID.test(request.params.id)) return undefined
    const operator = await operatorOf(request)
    if (!operator) return undefined
    const api = await request.server.web.api(request)
    const { data } = await api.GET('/v1/operator-offers', {
      params: { query: { operatorId: operator.id, limit: 100 } },
    })
    return (data?.items ?? []).find((o) => o.id === request.params.id) as Offer | undefined
  }

  app.get<Params>(`${PAGES.staffOffers}/:id`, async (request, reply) => {
    const offer = await offerOf(request)
    if (!offer) return reply.callNotFound()
    return render(request, reply, (ctx) => offerPage(ctx, { offer }))
  })

  app.post<Params>(`${PAGES.staffOffers}/:id`, async (request, reply) => {
    const offer = await offerOf(request)
    if (!offer) return reply.callNotFound()
    const input = inputOf(request)
    const api = await request.server.web.api(request)
    const { error } = await api.PATCH('/v1/operator-offers/{id}', {
      params: { path: { id: offer.id } },
      body: {
        description: input.description || null,
        url: input.url || null,
        priceIndication: input.priceIndication || null,
      },
    })
    if (error)
      return render(request, reply, (ctx) => ({
        ...offerPage(ctx, { offer, input, problem: pageProblem(error, FIELDS) }),
        status: 400,
      }))
    flash(request, 'Offre enregistrée.')
    return redirect(reply, PAGES.staffOffers)
  })

  app.post<Params>(`${PAGES.staffOffers}/:id/retirer`, async (request, reply) => {
    const offer = await offerOf(request)
    if (!offer) return reply.callNotFound()
    if (!confirmed(request.body, 'confirmer'))
      return render(request, reply, (ctx) => ({
        ...offerPage(ctx, {
          offer,
          problem: {
            message: 'L’offre n’a pas été retirée.',
            fields: [{ field: 'confirmer', message: 'Cochez la case pour confirmer le retrait.' }],
          },
        }),
        status: 400,
      }))
    const api = await request.server.web.api(request)
    const { error } = await api.DELETE('/v1/operator-offers/{id}', { params: { path: { id: offer.id } } })
    if (error)
      return render(request, reply, (ctx) => ({
        ...offerPage(ctx, { offer, problem: pageProblem(error) }),
        status: 400,
      }))
    flash(request, `Offre retirée de la page de ${offer.toolName}.`)
    return redirect(reply, PAGES.staffOffers)
  })
}
