import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery, THEME_IDS } from '@osinum/contracts'
import { Type } from 'typebox'
import {
  addComment,
  createExperience,
  deleteComment,
  deleteExperience,
  getComment,
  getExperience,
  listComments,
  listExperiences,
  moderateComment,
  moderateExperience,
  reportTargetOfComment,
  reportTargetOfExperience,
  setUseful,
  updateExperience,
} from '../../domain/community.js'
import { reportContent } from '../../domain/reports.js'
import {
  CommentCreate,
  CommentSchema,
  ExperienceCreate,
  ExperiencePatch,
  ExperienceSchema,
  Moderation,
  ProblemRef,
  Report,
  ReportBody,
  UsefulState,
  Uuid,
} from '../../schemas.js'
import { multiValues, pageOf, type RouteDeps, signedIn, viewer } from '../context.js'
import { presentComment, presentExperience, presentReport } from '../present.js'

const tags = ['resources']
const EDITORS = ['editor', 'admin'] as const
const IdParams = Type.Object({ id: Uuid })

/** Community: experience posts, comments, "utile" votes, reports and moderation. */
export const communityRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (fastify, deps) => {
  const { db } = deps

  fastify.get(
    '/v1/experiences',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listExperiences',
        summary: 'Retours d’expérience of collectivités (hidden posts never appear)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          theme: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          tool: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          organisationId: Type.Optional(Uuid),
          sort: Type.Optional(
            Type.Union([Type.Literal('date'), Type.Literal('useful')], { default: 'date' }),
          ),
          ...PageQuery.properties,
        }),
        response: { 200: Page(ExperienceSchema), 400: ProblemRef },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      const page = pageOf(request.query)
      const result = await listExperiences(db, v, {
        q: request.query.q,
        themes: multiValues('theme', request.query.theme, THEME_IDS),
        tools: multiValues('tool', request.query.tool, 'slug'),
        organisationId: request.query.organisationId,
        sort: request.query.sort ?? 'date',
        ...page,
      })
      return {
        items: result.items.map((e) => presentExperience(e, v)),
        total: result.total,
        ...page,
      }
    },
  )

  fastify.post(
    '/v1/experiences',
    {
      schema: {
        tags,
        operationId: 'createExperience',
        summary: 'Share an experience on behalf of your collectivité',
        body: ExperienceCreate,
        response: { 201: ExperienceSchema, 403: ProblemRef, 422: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const e = await createExperience(db, v, {
        ...request.body,
        themes: request.body.themes ?? [],
        tools: request.body.tools ?? [],
      })
      reply.header('location', `/v1/experiences/${e.id}`)
      return reply.code(201).send(presentExperience(e, v))
    },
  )

  fastify.get(
    '/v1/experiences/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getExperience',
        summary: 'An experience post',
        params: IdParams,
        response: { 200: ExperienceSchema, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      return presentExperience(await getExperience(db, v, request.params.id), v)
    },
  )

  fastify.patch(
    '/v1/experiences/:id',
    {
      schema: {
        tags,
        operationId: 'updateExperience',
        summary: 'Change your post',
        params: IdParams,
        body: ExperiencePatch,
        response: { 200: ExperienceSchema, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      return presentExperience(await updateExperience(db, v, request.params.id, request.body), v)
    },
  )

  fastify.delete(
    '/v1/experiences/:id',
    {
      schema: {
        tags,
        operationId: 'deleteExperience',
        summary: 'Delete your post (or any, for editors)',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteExperience(db, await signedIn(deps, request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  for (const [method, useful] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const)
    fastify.route({
      method,
      url: '/v1/experiences/:id/useful',
      schema: {
        tags,
        operationId: useful ? 'markExperienceUseful' : 'unmarkExperienceUseful',
        summary: useful ? 'Vote "utile" (once per person)' : 'Withdraw your "utile" vote',
        params: IdParams,
        response: { 200: UsefulState, 404: ProblemRef },
      },
      handler: async (request) => setUseful(db, await signedIn(deps, request), request.params.id, useful),
    })

  fastify.get(
    '/v1/experiences/:id/comments',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listExperienceComments',
        summary: 'Comments of a post, oldest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(CommentSchema), 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      const page = pageOf(request.query)
      const result = await listComments(db, v, request.params.id, page.limit, page.offset)
      return { items: result.items.map(presentComment), total: result.total, ...page }
    },
  )

  fastify.post(
    '/v1/experiences/:id/comments',
    {
      schema: {
        tags,
        operationId: 'commentExperience',
        summary: 'Comment a post (Markdown, sanitised)',
        params: IdParams,
        body: CommentCreate,
        response: { 201: CommentSchema, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const c = await addComment(db, await signedIn(deps, request), request.params.id, request.body.body)
      reply.header('location', `/v1/comments/${c.id}`)
      return reply.code(201).send(presentComment(c))
    },
  )

  fastify.post(
    '/v1/experiences/:id/reports',
    {
      schema: {
        tags,
        operationId: 'reportExperience',
        summary: 'Report a post to the editors',
        params: IdParams,
        body: ReportBody,
        response: { 201: Report, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const target = await reportTargetOfExperience(db, request.params.id)
      const row = await reportContent(db, v, target, request.body.reason, request.body.message ?? null)
      return reply.code(201).send(presentReport({ ...row, title: target.title } as never))
    },
  )

  fastify.post(
    '/v1/experiences/:id/moderation',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'moderateExperience',
        summary: 'Hide or restore a post (editors); hidden posts and their comments disappear everywhere',
        params: IdParams,
        body: Moderation,
        response: { 200: ExperienceSchema, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const e = await moderateExperience(
        db,
        v,
        request.params.id,
        request.body.action,
        request.body.reason ?? null,
        request.body.rule,
      )
      return presentExperience(e, v)
    },
  )

  fastify.get(
    '/v1/comments/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getComment',
        summary: 'A comment',
        params: IdParams,
        response: { 200: CommentSchema, 404: ProblemRef },
      },
    },
    async (request) => presentComment(await getComment(db, await viewer(deps, request), request.params.id)),
  )

  fastify.delete(
    '/v1/comments/:id',
    {
      schema: {
        tags,
        operationId: 'deleteComment',
        summary: 'Delete your comment (or any, for editors)',
        params: IdParams,
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await deleteComment(db, await signedIn(deps, request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  fastify.post(
    '/v1/comments/:id/reports',
    {
      schema: {
        tags,
        operationId: 'reportComment',
        summary: 'Report a comment to the editors',
        params: IdParams,
        body: ReportBody,
        response: { 201: Report, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const target = await reportTargetOfComment(db, v, request.params.id)
      const row = await reportContent(db, v, target, request.body.reason, request.body.message ?? null)
      return reply.code(201).send(presentReport({ ...row, title: target.title } as never))
    },
  )

  fastify.post(
    '/v1/comments/:id/moderation',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'moderateComment',
        summary: 'Hide or restore a comment (editors)',
        params: IdParams,
        body: Moderation,
        response: { 200: CommentSchema, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      return presentComment(
        await moderateComment(
          db,
          v,
          request.params.id,
          request.body.action,
          request.body.reason ?? null,
          request.body.rule,
        ),
      )
    },
  )
}
