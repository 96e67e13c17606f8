import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { defineError } from '@osinum/service-kit'
import { Type } from 'typebox'
import { CATEGORIES } from '../../domain/categories.js'
import { unsubscribe } from '../../domain/preferences.js'
import { html } from '../../domain/templates.js'
import { verifyUnsubscribeToken } from '../../domain/unsubscribe.js'
import type { Runtime } from '../../runtime.js'
import { CategorySchema, Problem } from '../../schemas.js'

export const InvalidUnsubscribeToken = defineError(
  'OSI_NOTIFICATIONS_INVALID_UNSUBSCRIBE_TOKEN',
  'This unsubscribe link is invalid',
  400,
)

const tags = ['notifications']
const Query = Type.Object({ token: Type.String({ minLength: 10, maxLength: 400 }) })
const Result = Type.Object({
  category: CategorySchema,
  label: Type.String(),
  unsubscribed: Type.Boolean({ description: 'True once email for this category is off' }),
})

function page(title: string, body: ReturnType<typeof html>): string {
  return html`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:560px;margin:48px auto;padding:0 16px;color:#161616">
<h1 style="font-size:22px">${title}</h1>
${body}
</body></html>
`.value
}

const wantsHtml = (accept: string | undefined) =>
  /text\/html/.test(accept ?? '') && !/application\/json/.test(accept ?? '')

/**
 * Unsubscribe links of emails (List-Unsubscribe, RFC 8058 one-click): no login, an HMAC-signed
 * token naming the person and the category. GET only shows a confirmation (mail scanners follow
 * links); POST turns the category's email off.
 */
export const unsubscribeRoutes: FastifyPluginAsyncTypebox<{ rt: Runtime }> = async (fastify, { rt }) => {
  // One-click unsubscribe posts a form (`List-Unsubscribe=One-Click`); its content is not needed.
  fastify.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, _body, done) => done(null, {}),
  )

  const verify = (token: string) => {
    const claims = verifyUnsubscribeToken(rt.secret.value, token)
    if (!claims) throw new InvalidUnsubscribeToken()
    return claims
  }

  fastify.get(
    '/v1/unsubscribe',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'showUnsubscribe',
        summary: 'What an unsubscribe link would turn off (HTML confirmation page for browsers)',
        querystring: Query,
        response: { 200: Result, 400: Problem },
      },
    },
    async (request, reply) => {
      const { category } = verify(request.query.token)
      const label = CATEGORIES[category].label
      if (wantsHtml(request.headers.accept)) {
        const action = `/v1/unsubscribe?token=${encodeURIComponent(request.query.token)}`
        return reply.type('text/html; charset=utf-8').send(
          page(
            'Se désinscrire',
            html`<p>Vous ne recevrez plus d’e-mails de la catégorie « ${label} » d’osinum.</p>
<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="background:#000091;color:#fff;border:0;padding:12px 20px;border-radius:4px;font-size:15px">Confirmer la désinscription</button></form>
<p style="color:#555;font-size:14px">Vous pourrez réactiver ces e-mails à tout moment dans vos préférences de notification.</p>`,
          ),
        )
      }
      return { category, label, unsubscribed: false }
    },
  )

  fastify.post(
    '/v1/unsubscribe',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'unsubscribe',
        summary: 'Turn off the emails of one category (one-click, RFC 8058; no login)',
        querystring: Query,
        response: { 200: Result, 400: Problem },
      },
    },
    async (request, reply) => {
      const { userId, category } = verify(request.query.token)
      await rt.db.transaction().execute((trx) => unsubscribe(trx, userId, category))
      const label = CATEGORIES[category].label
      if (wantsHtml(request.headers.accept))
        return reply
          .type('text/html; charset=utf-8')
          .send(
            page(
              'Désinscription confirmée',
              html`<p>Vous ne recevrez plus d’e-mails de la catégorie « ${label} » d’osinum.</p>`,
            ),
          )
      return { category, label, unsubscribed: true }
    },
  )
}
