import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { FastifyInstance } from 'fastify'
import { ApiUnavailable } from '../../api.js'
import { redirect, render, requireSignIn } from '../../view.js'
import {
  ACCOUNT_DATA,
  ACCOUNT_DATA_DOWNLOAD,
  ACCOUNT_ERASE,
  erasedPage,
  erasePage,
  personalDataPage,
} from './personal-data.html.js'

const ERASED = '/compte/supprime'

/** « Mon compte »: download my data (GDPR export), erase my account. */
export default async function personalDataRoutes(app: FastifyInstance) {
  // Seen signed out, right after the erasure.
  app.get(ERASED, async (request, reply) => render(request, reply, erasedPage))

  await app.register(async (signedIn) => {
    signedIn.addHook('preHandler', requireSignIn)

    signedIn.get(ACCOUNT_DATA, async (request, reply) => render(request, reply, personalDataPage))

    // The archive every service builds for the person, streamed to the browser as it comes.
    signedIn.get(ACCOUNT_DATA_DOWNLOAD, async (request, reply) => {
      const api = await request.server.web.api(request)
      const { response } = await api.GET('/v1/users/me/export', { parseAs: 'stream' })
      // 503 while a service does not answer: the French « momentanément indisponible » page.
      if (response.status === 503) throw new ApiUnavailable('a service could not export its part')
      if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`)
      const day = new Date().toISOString().slice(0, 10)
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="osinum-mes-donnees-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(Readable.fromWeb(response.body as WebReadableStream))
    })

    signedIn.get(ACCOUNT_ERASE, async (request, reply) => render(request, reply, erasePage))

    signedIn.post(ACCOUNT_ERASE, async (request, reply) => {
      const api = await request.server.web.api(request)
      const { response } = await api.DELETE('/v1/users/me')
      if (response.status !== 204) throw new Error(`erasure answered ${response.status}`)
      request.session.set('auth', undefined)
      return redirect(reply, ERASED)
    })
  })
}
