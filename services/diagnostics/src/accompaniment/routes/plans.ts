import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PageQuery } from '@osinum/contracts'
import type { ServiceDeps } from '@osinum/service-kit'
import { Type } from 'typebox'
import { requirePrincipal } from '../domain/access.js'
import type { AccDb } from '../domain/db.js'
import {
  addComment,
  addNote,
  createFromDiagnostic,
  createItem,
  deleteItem,
  deleteNote,
  getHints,
  getItem,
  getPlan,
  listComments,
  listNotes,
  updateItem,
  updateNote,
} from '../domain/plan.js'
import {
  ActionItem,
  ActionItemDetail,
  ActionPlan,
  AdvisorNote,
  Comment,
  CommentList,
  FromDiagnosticBody,
  FromDiagnosticResult,
  HintList,
  IdParams,
  ItemPatchBody,
  MessageBody,
  NewItemBody,
  NoteBody,
  NoteList,
  NotePatchBody,
  NoteQuery,
  OrganisationParams,
  PlanQuery,
} from '../schemas.js'

const tags = ['diagnostics']
const problem = { $ref: 'Problem#' }

/**
 * The action plan of a collectivité, shared by its members and its advisor. Private advisor notes
 * live apart and are only ever added to responses for the advisor view (see access.ts).
 */
export const planRoutes: FastifyPluginAsyncTypebox<ServiceDeps> = async (app, deps) => {
  const db = deps.db as AccDb

  app.get(
    '/v1/action-plans/:organisationId',
    {
      schema: {
        tags,
        operationId: 'getActionPlan',
        summary: 'The action plan of a collectivité with its progress',
        description:
          'Members of the collectivité, its assigned advisor while it consents, admins. `privateNotes` is present for advisors and admins only.',
        params: OrganisationParams,
        querystring: PlanQuery,
        response: { 200: ActionPlan },
      },
    },
    async (request) => getPlan(db, request.principal, request.params.organisationId, request.query),
  )

  app.post(
    '/v1/action-plans/:organisationId/items',
    {
      schema: {
        tags,
        operationId: 'createActionItem',
        summary: 'Add an item written by hand',
        params: OrganisationParams,
        body: NewItemBody,
        response: { 201: ActionItem },
      },
    },
    async (request, reply) => {
      const item = await createItem(db, request.principal, request.params.organisationId, request.body)
      return reply.code(201).header('location', `/v1/action-items/${item.id}`).send(item)
    },
  )

  app.post(
    '/v1/action-plans/:organisationId/from-diagnostic',
    {
      schema: {
        tags,
        operationId: 'createActionItemsFromDiagnostic',
        summary: 'Turn recommendations of a submitted diagnostic into plan items in one step',
        description:
          'Without `diagnosticId`, the latest submitted diagnostic. Recommendations already in the plan are skipped.',
        params: OrganisationParams,
        body: FromDiagnosticBody,
        response: { 201: FromDiagnosticResult, 404: problem, 422: problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createFromDiagnostic(db, request.principal, request.params.organisationId, request.body)),
  )

  app.get(
    '/v1/action-plans/:organisationId/hints',
    {
      schema: {
        tags,
        operationId: 'getActionPlanHints',
        summary: 'Done items as hints for the questions of the next diagnostic',
        params: OrganisationParams,
        response: { 200: HintList },
      },
    },
    async (request) => getHints(db, request.principal, request.params.organisationId),
  )

  app.get(
    '/v1/action-plans/:organisationId/notes',
    {
      schema: {
        tags,
        operationId: 'listAdvisorNotes',
        summary: 'Private advisor notes on a plan (advisors and admins only)',
        params: OrganisationParams,
        querystring: NoteQuery,
        response: { 200: NoteList },
      },
    },
    async (request) => listNotes(db, request.principal, request.params.organisationId, request.query),
  )

  app.post(
    '/v1/action-plans/:organisationId/notes',
    {
      schema: {
        tags,
        operationId: 'createAdvisorNote',
        summary: 'Write a private note the collectivité never sees (advisors and admins only)',
        params: OrganisationParams,
        body: NoteBody,
        response: { 201: AdvisorNote, 422: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(db, request.principal, request.params.organisationId, request.body)),
  )

  app.patch(
    '/v1/advisor-notes/:id',
    {
      schema: {
        tags,
        operationId: 'updateAdvisorNote',
        summary: 'Edit your private note',
        params: IdParams,
        body: NotePatchBody,
        response: { 200: AdvisorNote, 404: problem },
      },
    },
    async (request) => updateNote(db, request.principal, request.params.id, request.body.body),
  )

  app.delete(
    '/v1/advisor-notes/:id',
    {
      schema: {
        tags,
        operationId: 'deleteAdvisorNote',
        summary: 'Delete your private note',
        params: IdParams,
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await deleteNote(db, request.principal, request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/action-items/:id',
    {
      schema: {
        tags,
        operationId: 'getActionItem',
        summary: 'One plan item (with the private notes about it, for advisors)',
        params: IdParams,
        response: { 200: ActionItemDetail, 404: problem },
      },
    },
    async (request) => getItem(db, request.principal, request.params.id),
  )

  app.patch(
    '/v1/action-items/:id',
    {
      schema: {
        tags,
        operationId: 'updateActionItem',
        summary: 'Change an item: status, due date, owner, linked tool or resource…',
        params: IdParams,
        body: ItemPatchBody,
        response: { 200: ActionItem, 404: problem },
      },
    },
    async (request) => updateItem(db, request.principal, request.params.id, request.body),
  )

  app.delete(
    '/v1/action-items/:id',
    {
      schema: {
        tags,
        operationId: 'deleteActionItem',
        summary: 'Remove an item from the plan',
        params: IdParams,
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await deleteItem(db, request.principal, request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/action-items/:id/comments',
    {
      schema: {
        tags,
        operationId: 'listActionItemComments',
        summary: 'Follow-up comments on an item, oldest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: CommentList, 404: problem },
      },
    },
    async (request) => listComments(db, request.principal, request.params.id, request.query),
  )

  app.post(
    '/v1/action-items/:id/comments',
    {
      schema: {
        tags,
        operationId: 'createActionItemComment',
        summary: 'Comment on an item (seen by the collectivité and its advisor)',
        params: IdParams,
        body: MessageBody,
        response: { 201: Comment, 404: problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addComment(db, requirePrincipal(request.principal), request.params.id, request.body.body),
        ),
  )
}
