import { PAGES } from '@osinum/contracts'
import type { FastifyInstance } from 'fastify'
import { queryText } from '../../forms.js'
import type { TokenPair } from '../../session.js'
import { redirect, render } from '../../view.js'
import { oidcFailedPage, oidcMessage } from './proconnect.html.js'
import { afterSignIn, oidcMethod } from './sign-in.js'

/**
 * The page ProConnect's login comes back to (identity's OIDC_SUCCESS_REDIRECT): identity gives it a
 * single-use code that works for 60 s, exchanged here, server-side, for the session's tokens — they
 * never reach the browser. A browser brings the code straight from the provider's redirect (no
 * email, no link scanner), so the GET spends it.
 */
export default async function oidcReturnRoutes(app: FastifyInstance) {
  app.get(PAGES.oidcReturn, async (request, reply) => {
    const code = queryText(request, 'code')
    const failed = async (problemCode: string | undefined) => {
      const provider = (await oidcMethod(request))?.displayName ?? 'ProConnect'
      return render(request, reply, (ctx) =>
        oidcFailedPage(ctx, { provider, message: oidcMessage(problemCode) }),
      )
    }
    if (!code) return failed(queryText(request, 'error') || undefined)
    const { data, error } = await request.server.web
      .publicApi(request)
      .POST('/v1/auth/oidc/exchange', { body: { code } })
    if (!data) return failed(error?.code)
    await request.server.web.signIn(request, data as TokenPair)
    return redirect(reply, afterSignIn(request))
  })
}
