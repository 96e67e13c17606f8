import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { loadActor } from '../../domain/actor.js'
import { createOperator, getOperator, listOperators, updateOperator } from '../../domain/operators.js'
import { Id, IdParams, OperatorView } from '../../schemas.js'
import { operatorView } from '../../views.js'
import { problems, type RouteOptions } from '../options.js'

const tags = ['identity']
const Departement = Type.String({
  pattern: '^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$',
  description: 'Code of a département',
})
const Url = Type.String({ pattern: '^https://', maxLength: 500 })
const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'Hex colour, e.g. #1d4ed8' })
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) =>
  Type.Optional(Type.Union([s, Type.Null()]))
const Fields = {
  displayName: nullable(Type.String({ maxLength: 120 })),
  logoUrl: nullable(Url),
  primaryColor: nullable(Color),
  website: nullable(Url),
  coordinatorId: nullable(Id),
}

/** Operators (OPSN): the syndicates hosting the instance for the collectivités of their départements. */
export const operatorRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (fastify, { ctx }) => {
  fastify.get(
    '/v1/operators',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listOperators',
        summary: 'Operators (public: front-ends show their branding)',
        querystring: Type.Object({ ...PageQuery.properties, departement: Type.Optional(Departement) }),
        response: { 200: Page(OperatorView) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, departement } = request.query
      const { items, total } = await listOperators(ctx.db, { departement, limit, offset })
      return { items: items.map(operatorView), total, limit, offset }
    },
  )

  fastify.get(
    '/v1/operators/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getOperator',
        summary: 'One operator',
        params: IdParams,
        response: { 200: OperatorView, ...problems(404) },
      },
    },
    async (request) => operatorView(await getOperator(ctx.db, request.params.id)),
  )

  fastify.post(
    '/v1/operators',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'createOperator',
        summary: 'Create an operator (admins); its coordinator becomes one of its advisors',
        description:
          'Collectivités already registered in the départements it covers, and attached to no operator, are attached to it.',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            departements: Type.Array(Departement, { maxItems: 20, uniqueItems: true }),
            ...Fields,
          },
          { additionalProperties: false },
        ),
        response: { 201: OperatorView, ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(ctx.db, request.principal)
      const op = await createOperator(ctx, actor, request.body)
      return reply.code(201).header('location', `/v1/operators/${op.id}`).send(operatorView(op))
    },
  )

  fastify.patch(
    '/v1/operators/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        operationId: 'updateOperator',
        summary: 'Change an operator (admins)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            departements: Type.Optional(Type.Array(Departement, { maxItems: 20, uniqueItems: true })),
            ...Fields,
          },
          { additionalProperties: false },
        ),
        response: { 200: OperatorView, ...problems(400, 404, 422) },
      },
    },
    async (request) => {
      const actor = await loadActor(ctx.db, request.principal)
      return operatorView(await updateOperator(ctx, actor, request.params.id, request.body))
    },
  )
}
