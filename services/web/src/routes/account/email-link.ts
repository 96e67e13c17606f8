import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Api, Problem } from '../../api.js'
import type { PageContext, View } from '../../components.js'
import { bodyText, queryText } from '../../forms.js'
import { pageProblem } from '../../problems.js'
import type { TokenPair } from '../../session.js'
import { redirect, render } from '../../view.js'
import { invalidLinkPage } from './sign-in.html.js'

/**
 * The pages behind single-use email links that sign in (magic link, address confirmation,
 * invitation): the GET shows a page with a button — a link scanner's visit spends nothing — and
 * the button's POST spends the token at the API, signs the person in and says where to go next.
 */
export function signInLinkRoutes<T extends TokenPair>(
  app: FastifyInstance,
  o: {
    /** The page the email links to (`?token=`), and where its button posts. */
    path: string
    action?: string
    page: (ctx: PageContext, token: string) => View
    spend: (api: Api, token: string) => Promise<{ data?: T; error?: Partial<Problem> }>
    /** Where a person with a used or expired link can start again. */
    retry: { href: string; label: string }
    /** After the sign-in: flash a message if useful, return the next page. */
    next: (request: FastifyRequest, data: T) => string
  },
) {
  app.get(o.path, async (request, reply) => {
    const token = queryText(request, 'token')
    if (!token) return redirect(reply, o.retry.href)
    return render(request, reply, (ctx) => o.page(ctx, token))
  })
  app.post(o.action ?? o.path, async (request, reply) => {
    const { data, error } = await o.spend(request.server.web.publicApi(request), bodyText(request, 'token'))
    if (!data)
      return render(request, reply, (ctx) => invalidLinkPage(ctx, pageProblem(error).message, o.retry))
    await request.server.web.signIn(request, data)
    return redirect(reply, o.next(request, data))
  })
}
