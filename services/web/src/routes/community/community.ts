import { PAGES, THEME_IDS } from '@osinum/contracts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bodyText, queryText } from '../../forms.js'
import { notFoundPage, type PageProblem, pageProblem } from '../../problems.js'
import { flash } from '../../session.js'
import { postText } from '../../text-form.js'
import { redirect, render, requireSignIn } from '../../view.js'
import { pageOf } from '../notifications/inbox.js'
import {
  COMMUNITY_PAGE_SIZE,
  type Comment,
  communityPage,
  type Experience,
  experiencePage,
  REPORT_REASONS,
  reportPage,
  SHARE,
  type ShareForm,
  sharePage,
  type ToolChoice,
} from './community.html.js'

type Id = { Params: { id: string } }
type Reason = 'outdated' | 'wrong' | 'abuse' | 'spam' | 'other'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A checkbox group of a urlencoded form: one value or several. */
const valuesOf = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | undefined)?.[name]
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
}

const SHARE_FIELDS = {
  title: { field: 'title', label: 'le titre' },
  body: { field: 'body', label: 'votre retour d’expérience' },
  tools: { field: 'tool', label: 'l’outil' },
}

/** « Communauté »: the experience posts of communes, their comments, « utile », reports. */
export default async function communityRoutes(app: FastifyInstance) {
  const signedInOnly = { preHandler: requireSignIn }

  app.get(PAGES.community, async (request, reply) => {
    const page = pageOf(request)
    const q = queryText(request, 'q').slice(0, 200)
    const sort = queryText(request, 'tri') === 'useful' ? 'useful' : 'date'
    const { data } = await (await request.server.web.api(request)).GET('/v1/experiences', {
      params: {
        query: {
          ...(q ? { q } : {}),
          sort,
          limit: COMMUNITY_PAGE_SIZE,
          offset: (page - 1) * COMMUNITY_PAGE_SIZE,
        },
      },
    })
    return render(request, reply, (ctx) =>
      communityPage(ctx, {
        items: (data?.items ?? []) as Experience[],
        total: data?.total ?? 0,
        page,
        q,
        sort,
      }),
    )
  })

  /** The catalogue's tools, by name, for the share form. */
  const toolChoices = async (request: FastifyRequest): Promise<ToolChoice[]> => {
    const { data } = await request.server.web
      .publicApi(request)
      .GET('/v1/tools', { params: { query: { sort: 'name', limit: 100 } } })
    return ((data?.items ?? []) as ToolChoice[]).map((t) => ({ slug: t.slug, name: t.name }))
  }

  app.get(SHARE, signedInOnly, async (request, reply) => {
    const tools = await toolChoices(request)
    return render(request, reply, (ctx) => sharePage(ctx, { tools }))
  })

  app.post(SHARE, signedInOnly, async (request, reply) => {
    const form: ShareForm = {
      organisationId: bodyText(request, 'organisationId'),
      title: bodyText(request, 'title'),
      body: bodyText(request, 'body'),
      themes: valuesOf(request.body, 'themes').filter((t) => THEME_IDS.includes(t as never)),
      tool: bodyText(request, 'tool'),
    }
    const again = async (problem: PageProblem) => {
      const tools = await toolChoices(request)
      return render(request, reply, (ctx) => sharePage(ctx, { tools, form, problem }))
    }
    const missing = [
      ...(form.title ? [] : [{ field: 'title', message: 'Indiquez un titre.' }]),
      ...(form.body ? [] : [{ field: 'body', message: 'Racontez votre expérience.' }]),
    ]
    if (missing.length) return again({ message: 'Le retour d’expérience est incomplet.', fields: missing })
    const api = await request.server.web.api(request)
    const { data, error } = await api.POST('/v1/experiences', {
      body: {
        title: form.title!,
        body: form.body!,
        themes: form.themes as never,
        tools: form.tool ? [form.tool] : [],
        ...(form.organisationId ? { organisationId: form.organisationId } : {}),
      },
    })
    if (!data) return again(pageProblem(error, SHARE_FIELDS))
    flash(request, 'Merci ! Votre retour d’expérience est publié.')
    return redirect(reply, PAGES.experience(data.id))
  })

  const showPost = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: { comment?: string; problem?: PageProblem } = {},
  ) => {
    if (!UUID.test(request.params.id)) throw notFoundPage()
    const api = await request.server.web.api(request)
    const path = { path: { id: request.params.id } }
    const [{ data: post }, { data: comments }] = await Promise.all([
      api.GET('/v1/experiences/{id}', { params: path }),
      api.GET('/v1/experiences/{id}/comments', { params: { ...path, query: { limit: 100 } } }),
    ])
    if (!post) throw notFoundPage()
    return render(request, reply, (ctx) =>
      experiencePage(ctx, {
        post: post as Experience,
        comments: (comments?.items ?? []) as Comment[],
        ...extra,
      }),
    )
  }

  app.get<Id>('/communaute/:id', async (request, reply) => showPost(request, reply))

  app.post<Id>('/communaute/:id/utile', signedInOnly, async (request, reply) => {
    const api = await request.server.web.api(request)
    const params = { params: { path: { id: request.params.id } } }
    const vote = bodyText(request, 'vote') !== 'non'
    const { response } = vote
      ? await api.PUT('/v1/experiences/{id}/useful', params)
      : await api.DELETE('/v1/experiences/{id}/useful', params)
    if (response.status === 404) throw notFoundPage()
    if (!response.ok) throw Object.assign(new Error('vote refused'), { statusCode: response.status })
    flash(request, vote ? 'Merci : votre « utile » est compté.' : 'Votre « utile » est retiré.')
    return redirect(reply, PAGES.experience(request.params.id))
  })

  app.post<Id>('/communaute/:id/commentaires', signedInOnly, async (request, reply) =>
    postText(request, reply, {
      field: 'body',
      label: 'votre commentaire',
      empty: { message: 'Le commentaire est vide.', hint: 'Écrivez votre commentaire.' },
      send: (api, body) =>
        api.POST('/v1/experiences/{id}/comments', {
          params: { path: { id: request.params.id } },
          body: { body },
        }),
      again: (comment, problem) => showPost(request, reply, { comment, problem }),
      done: (c) => ({
        message: 'Votre commentaire est publié.',
        to: `${PAGES.experience(request.params.id)}#commentaire-${c.id}`,
      }),
    }),
  )

  // Reports: of a post, of a comment (same form).
  const reportTarget = async (request: FastifyRequest<Id>, what: 'post' | 'comment') => {
    if (!UUID.test(request.params.id)) throw notFoundPage()
    const api = await request.server.web.api(request)
    const postId =
      what === 'post'
        ? request.params.id
        : (await api.GET('/v1/comments/{id}', { params: { path: { id: request.params.id } } })).data
            ?.experienceId
    if (!postId) throw notFoundPage()
    const { data: post } = await api.GET('/v1/experiences/{id}', { params: { path: { id: postId } } })
    if (!post) throw notFoundPage()
    const back =
      what === 'post'
        ? PAGES.experience(postId)
        : `${PAGES.experience(postId)}#commentaire-${request.params.id}`
    const action =
      what === 'post'
        ? `${PAGES.experience(postId)}/signaler`
        : `/communaute/commentaires/${request.params.id}/signaler`
    return { api, title: post.title, back, action, postId }
  }

  for (const what of ['post', 'comment'] as const) {
    const path = what === 'post' ? '/communaute/:id/signaler' : '/communaute/commentaires/:id/signaler'
    app.get<Id>(path, signedInOnly, async (request, reply) => {
      const t = await reportTarget(request, what)
      return render(request, reply, (ctx) => reportPage(ctx, { what, ...t }))
    })
    app.post<Id>(path, signedInOnly, async (request, reply) => {
      const t = await reportTarget(request, what)
      const reason = bodyText(request, 'reason')
      const message = bodyText(request, 'message')
      if (!REPORT_REASONS.some((r) => r.value === reason))
        return render(request, reply, (ctx) =>
          reportPage(ctx, {
            what,
            ...t,
            problem: {
              message: 'Dites pourquoi vous signalez ce contenu.',
              fields: [{ field: 'reason', message: 'Choisissez une raison.' }],
            },
          }),
        )
      const options = {
        params: { path: { id: request.params.id } },
        body: { reason: reason as Reason, ...(message ? { message } : {}) },
      }
      const { response, error } =
        what === 'post'
          ? await t.api.POST('/v1/experiences/{id}/reports', options)
          : await t.api.POST('/v1/comments/{id}/reports', options)
      if (response.status === 409)
        flash(request, 'Vous avez déjà signalé ce contenu : l’équipe éditoriale s’en occupe.', 'info')
      else if (!response.ok)
        return render(request, reply, (ctx) => reportPage(ctx, { what, ...t, problem: pageProblem(error) }))
      else flash(request, 'Merci : votre signalement est transmis à l’équipe éditoriale.')
      return redirect(reply, t.back)
    })
  }
}
