import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PageQuery } from '@osinum/contracts'
import type { ServiceDeps } from '@osinum/service-kit'
import { requirePrincipal } from '../domain/access.js'
import type { AccDb } from '../domain/db.js'
import {
  assignSupportRequest,
  createSupportRequest,
  getSupportRequest,
  listSupportMessages,
  listSupportRequests,
  postSupportMessage,
  setSupportStatus,
} from '../domain/support.js'
import {
  AssignBody,
  IdParams,
  MessageBody,
  SupportMessage,
  SupportMessageList,
  SupportRequestBody,
  SupportRequestDetail,
  SupportRequestList,
  SupportRequestQuery,
  SupportStatusBody,
} from '../schemas.js'

const tags = ['diagnostics']
const problem = { $ref: 'Problem#' }

/** Support requests: a collectivité asks for help; its operator's advisors answer. */
export const supportRoutes: FastifyPluginAsyncTypebox<ServiceDeps> = async (app, deps) => {
  const db = deps.db as AccDb

  app.post(
    '/v1/support-requests',
    {
      schema: {
        tags,
        operationId: 'createSupportRequest',
        summary: 'Ask an advisor for help (members of the collectivité)',
        description:
          'Routed at once to the advisors of the collectivité’s operator: those assigned to it, else those covering its département, else the operator’s coordinator.',
        body: SupportRequestBody,
        response: { 201: SupportRequestDetail, 404: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const created = await createSupportRequest(db, requirePrincipal(request.principal), request.body)
      return reply.code(201).header('location', `/v1/support-requests/${created.id}`).send(created)
    },
  )

  app.get(
    '/v1/support-requests',
    {
      schema: {
        tags,
        operationId: 'listSupportRequests',
        summary: 'Support requests you may see (your collectivités’, or routed to you)',
        querystring: SupportRequestQuery,
        response: { 200: SupportRequestList },
      },
    },
    async (request) => listSupportRequests(db, requirePrincipal(request.principal), request.query),
  )

  app.get(
    '/v1/support-requests/:id',
    {
      schema: {
        tags,
        operationId: 'getSupportRequest',
        summary: 'A support request with its timeline',
        params: IdParams,
        response: { 200: SupportRequestDetail, 404: problem },
      },
    },
    async (request) => getSupportRequest(db, requirePrincipal(request.principal), request.params.id),
  )

  app.post(
    '/v1/support-requests/:id/assign',
    {
      schema: {
        tags,
        operationId: 'assignSupportRequest',
        summary: 'Pick a request up (advisors), or hand it to a colleague of the same operator',
        params: IdParams,
        body: AssignBody,
        response: { 200: SupportRequestDetail, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) =>
      assignSupportRequest(
        db,
        requirePrincipal(request.principal),
        request.params.id,
        request.body.advisorId,
      ),
  )

  app.post(
    '/v1/support-requests/:id/status',
    {
      schema: {
        tags,
        operationId: 'setSupportRequestStatus',
        summary: 'Start working on a request (advisors) or close it (either side)',
        params: IdParams,
        body: SupportStatusBody,
        response: { 200: SupportRequestDetail, 404: problem, 409: problem },
      },
    },
    async (request) =>
      setSupportStatus(db, requirePrincipal(request.principal), request.params.id, request.body.status),
  )

  app.get(
    '/v1/support-requests/:id/messages',
    {
      schema: {
        tags,
        operationId: 'listSupportMessages',
        summary: 'Follow-up messages of a request, oldest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: SupportMessageList, 404: problem },
      },
    },
    async (request) =>
      listSupportMessages(db, requirePrincipal(request.principal), request.params.id, request.query),
  )

  app.post(
    '/v1/support-requests/:id/messages',
    {
      schema: {
        tags,
        operationId: 'postSupportMessage',
        summary: 'Write a follow-up message (the collectivité or its advisor)',
        params: IdParams,
        body: MessageBody,
        response: { 201: SupportMessage, 404: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await postSupportMessage(
            db,
            requirePrincipal(request.principal),
            request.params.id,
            request.body.body,
          ),
        ),
  )
}
