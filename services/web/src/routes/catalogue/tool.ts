import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bodyText } from '../../forms.js'
import { type FieldError, type PageProblem, pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { notFound, SLUG } from './not-found.js'
import { type ToolPageInput, toolPage, USAGE_STATUSES } from './tool.html.js'

type Refused = NonNullable<ToolPageInput['refused']>

/** Everything the tool's page shows: the tool, who uses it, its reviews, the person's declarations. */
async function loadTool(request: FastifyRequest, slug: string): Promise<Omit<ToolPageInput, 'refused'>> {
  if (!SLUG.test(slug)) throw notFound()
  const api = await request.server.web.api(request)
  const path = { slug }
  const orgs = request.session.get('auth')?.orgs ?? []
  const [tool, usage, reviews, ...declarations] = await Promise.all([
    api.GET('/v1/tools/{slug}', { params: { path } }),
    api.GET('/v1/tools/{slug}/usages', { params: { path } }),
    api.GET('/v1/tools/{slug}/reviews', { params: { path, query: { limit: 20 } } }),
    ...orgs.map((o) =>
      api.GET('/v1/tool-usages', { params: { query: { organisationId: o.id, limit: 100 } } }),
    ),
  ])
  if (!tool.data || !usage.data || !reviews.data) throw notFound()
  return {
    tool: tool.data,
    usage: usage.data,
    reviews: reviews.data,
    mine: declarations.flatMap((d) => d.data?.items ?? []).filter((m) => m.toolSlug === slug),
  }
}

const missing = (fields: FieldError[]): PageProblem => ({ message: 'Le formulaire est incomplet.', fields })

/** The tool's page: criteria, who uses it, reviews, the syndicate's offer; declare « nous l'utilisons », review, contact a user. */
export default async function toolRoutes(app: FastifyInstance) {
  app.get<{ Params: { slug: string } }>('/catalogue/:slug', async (request, reply) => {
    const data = await loadTool(request, request.params.slug)
    return render(request, reply, (ctx) => toolPage(ctx, data))
  })

  app.post<{ Params: { slug: string } }>(
    '/catalogue/:slug',
    { preHandler: requireSignIn },
    async (request, reply) => {
      const { slug } = request.params
      if (!SLUG.test(slug)) throw notFound()
      const action = bodyText(request, 'action')
      const page = `/catalogue/${slug}`
      const api = await request.server.web.api(request)
      const refuse = async (form: Refused['form'], problem: PageProblem, values: Record<string, string>) => {
        const data = await loadTool(request, slug)
        return render(request, reply, (ctx) => toolPage(ctx, { ...data, refused: { form, problem, values } }))
      }

      if (action === 'utilisation') {
        const values = {
          organisationId: bodyText(request, 'organisationId'),
          status: bodyText(request, 'status'),
          comment: bodyText(request, 'comment'),
        }
        if (!USAGE_STATUSES.some((s) => s.value === values.status))
          return refuse(
            'utilisation',
            missing([{ field: 'status', message: 'Dites où en est votre commune.' }]),
            values,
          )
        const { data, error } = await api.POST('/v1/tool-usages', {
          body: {
            toolSlug: slug,
            organisationId: values.organisationId,
            status: values.status as 'uses',
            comment: values.comment || null,
            contactConsent: bodyText(request, 'contactConsent') === 'oui',
          },
        })
        if (!data)
          return refuse(
            'utilisation',
            pageProblem(error, {
              comment: { field: 'comment', label: 'votre remarque' },
              organisationId: { field: 'organisationId', label: 'la commune' },
            }),
            values,
          )
        const org = request.session.get('auth')?.orgs.find((o) => o.id === data.organisationId)?.name
        const said = USAGE_STATUSES.find((s) => s.value === data.status)?.label
        flash(request, `C’est enregistré pour ${org ?? 'votre commune'} : « ${said} ». Merci !`)
        return redirect(reply, `${page}#declarer`)
      }

      if (action === 'avis') {
        const values = {
          organisationId: bodyText(request, 'organisationId'),
          rating: bodyText(request, 'rating'),
          text: bodyText(request, 'text'),
        }
        const errors: FieldError[] = []
        if (!/^[1-5]$/.test(values.rating)) errors.push({ field: 'rating', message: 'Choisissez une note.' })
        if (values.text.length < 10)
          errors.push({ field: 'text', message: 'Écrivez votre avis (au moins 10 caractères).' })
        if (errors.length) return refuse('avis', missing(errors), values)
        const { data, error } = await api.POST('/v1/tools/{slug}/reviews', {
          params: { path: { slug } },
          body: { organisationId: values.organisationId, rating: Number(values.rating), text: values.text },
        })
        if (!data)
          return refuse('avis', pageProblem(error, { text: { field: 'text', label: 'votre avis' } }), values)
        flash(request, 'Merci pour votre avis : il sera publié après relecture.')
        return redirect(reply, `${page}#avis`)
      }

      if (action === 'contact') {
        const values = {
          toOrganisationId: bodyText(request, 'toOrganisationId'),
          fromOrganisationId: bodyText(request, 'fromOrganisationId'),
          message: bodyText(request, 'message'),
        }
        const errors: FieldError[] = []
        if (!values.toOrganisationId)
          errors.push({ field: 'toOrganisationId', message: 'Choisissez la collectivité à contacter.' })
        if (values.message.length < 10)
          errors.push({ field: 'message', message: 'Écrivez votre message (au moins 10 caractères).' })
        if (errors.length) return refuse('contact', missing(errors), values)
        const { data, error } = await api.POST('/v1/tools/{slug}/contact', {
          params: { path: { slug } },
          body: values,
        })
        if (!data)
          return refuse(
            'contact',
            pageProblem(error, { message: { field: 'message', label: 'votre message' } }),
            values,
          )
        flash(
          request,
          'Votre message est envoyé. La collectivité vous répondra par e-mail si elle le souhaite.',
        )
        return redirect(reply, `${page}#contacter`)
      }
      return redirect(reply, page)
    },
  )
}
