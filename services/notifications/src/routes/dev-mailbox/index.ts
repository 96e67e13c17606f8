import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { NotFound } from '@osinum/service-kit'
import { Type } from 'typebox'
import type { DevMailbox } from '../../domain/mail-transport.js'
import { Problem } from '../../schemas.js'

const tags = ['notifications']
const Summary = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  date: Type.String({ format: 'date-time' }),
  links: Type.Array(Type.String(), { description: 'Links of the text body (e.g. the magic link)' }),
})
const MailParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) })

/**
 * The development mailbox of the embedded demo: registered ONLY in embedded mode without
 * SMTP_URL, and public there (it is a demo: anyone reaching it can read every email, including
 * login links). Never present in a stand-alone service.
 */
export const devMailboxRoutes: FastifyPluginAsyncTypebox<{ mailbox: DevMailbox }> = async (
  fastify,
  { mailbox },
) => {
  fastify.get(
    '/v1/dev/mailbox',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listDevMailbox',
        summary: 'Embedded demo only: emails written to the development mailbox, newest first',
        querystring: Type.Object({
          ...PageQuery.properties,
          to: Type.Optional(Type.String({ maxLength: 320, description: 'Only emails to this address' })),
        }),
        response: { 200: Page(Summary) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 20
      const offset = request.query.offset ?? 0
      const to = request.query.to?.trim().toLowerCase()
      const all = (await mailbox.list()).filter((m) => !to || m.to === to)
      return {
        items: all
          .slice(offset, offset + limit)
          .map(({ id, to, subject, date, links }) => ({ id, to, subject, date, links })),
        total: all.length,
        limit,
        offset,
      }
    },
  )

  fastify.get(
    '/v1/dev/mailbox/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getDevMailboxMessage',
        summary: 'Embedded demo only: one email, as text and HTML (`?format=eml` for the raw message)',
        params: MailParams,
        querystring: Type.Object({ format: Type.Optional(Type.Literal('eml')) }),
        response: {
          200: Type.Object({ ...Summary.properties, text: Type.String(), html: Type.String() }),
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const found = await mailbox.get(request.params.id)
      if (!found) throw new NotFound('Email')
      if (request.query.format === 'eml')
        return reply
          .type('message/rfc822')
          .header('content-disposition', `attachment; filename="${request.params.id}.eml"`)
          .send(found.raw)
      return found.entry
    },
  )
}
