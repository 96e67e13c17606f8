import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { defineError, NotFound } from '@osinum/service-kit'
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

const LoopbackOnly = defineError(
  'OSI_NOTIFICATIONS_LOOPBACK_ONLY',
  'The development mailbox answers only on this machine (loopback)',
  403,
)

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const a = address.startsWith('::ffff:') ? address.slice(7) : address
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a)
}

/**
 * The development mailbox of the embedded demo: registered ONLY in embedded mode without
 * SMTP_URL, and served to loopback clients only (it holds every login link): both the TCP peer
 * and, behind a trusted proxy, the client the proxy names must be this machine — a remote client
 * cannot get in by sending `X-Forwarded-For: 127.0.0.1`, nor through a proxy on this machine that
 * forwards a remote client. Others get a 403 problem. Never present in a stand-alone service.
 */
export const devMailboxRoutes: FastifyPluginAsyncTypebox<{ mailbox: DevMailbox }> = async (
  fastify,
  { mailbox },
) => {
  fastify.addHook('onRequest', async (request) => {
    const forwarded = request.headers['x-forwarded-for']
    const claimed = typeof forwarded === 'string' ? forwarded.split(',').map((s) => s.trim()) : []
    if (
      !isLoopback(request.socket.remoteAddress) ||
      !isLoopback(request.ip) ||
      claimed.some((a) => !isLoopback(a))
    )
      throw new LoopbackOnly()
  })
  fastify.get(
    '/v1/dev/mailbox',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listDevMailbox',
        summary: 'Embedded demo only: emails written to the development mailbox, newest first',
        description: 'Answers loopback clients only (403 OSI_NOTIFICATIONS_LOOPBACK_ONLY otherwise).',
        querystring: Type.Object({
          ...PageQuery.properties,
          to: Type.Optional(Type.String({ maxLength: 320, description: 'Only emails to this address' })),
        }),
        response: { 200: Page(Summary), 403: Problem },
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
          403: Problem,
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
