import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { Type } from 'typebox'
import { exportCatalogue, toCsv } from '../../domain/export.js'
import { listImports, runImport } from '../../domain/import.js'
import { parseImportOffThread } from '../../domain/import-file.js'
import { ExportDocument, ImportReport } from '../../schemas.js'
import { nationalEditors, ProblemRef, type RouteDeps, TAGS } from '../shared.js'

const EDITORS = ['editor', 'admin'] as const

/** Open data export of the published catalogue, and imports of public catalogues (SILL, Comptoir du Libre). */
export const catalogueRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, index, config }) => {
  // An import file is read in a worker thread (parseImportOffThread): here it stays bytes. The only
  // JSON body of this plugin's routes is that file.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  )
  app.get(
    '/v1/catalogue/export.json',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'exportCatalogueJson',
        summary: 'The whole published catalogue as JSON (open data, Licence Ouverte 2.0)',
        response: { 200: ExportDocument },
      },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="catalogue-osinum.json"')
      return exportCatalogue(ctx, index, config.PUBLIC_URL)
    },
  )
  app.get(
    '/v1/catalogue/export.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        operationId: 'exportCatalogueCsv',
        summary: 'The whole published catalogue as CSV (UTF-8, comma-separated, lists joined with " | ")',
        response: {
          200: Type.String({ description: 'text/csv; columns documented in the catalogue README' }),
        },
      },
    },
    async (_request, reply) => {
      const csv = toCsv(await exportCatalogue(ctx, index, config.PUBLIC_URL))
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="catalogue-osinum.csv"')
        .send(csv)
    },
  )
  app.post(
    '/v1/catalogue/imports',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      bodyLimit: config.CATALOGUE_IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: TAGS,
        operationId: 'importCatalogue',
        summary: 'Import a SILL (v1 JSON dump) or Comptoir du Libre export: idempotent, all or nothing',
        description:
          'The body is the file itself. Known software (by SILL, Wikidata or Comptoir du Libre id, then name) only gets its empty fields filled; unknown software becomes a draft. A malformed file is refused with every problem listed and nothing written.',
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('sill'), Type.Literal('comptoir-du-libre')])) },
          { additionalProperties: false },
        ),
        body: Type.Unknown({ description: 'The exported file (JSON)' }),
        response: { 200: ImportReport, 413: ProblemRef, 422: ProblemRef },
      },
    },
    async (request) => {
      const file = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(JSON.stringify(request.body ?? null))
      const report = await runImport(ctx, await parseImportOffThread(file, request.query.format), {
        actor: request.principal!.userId,
      })
      index.markStale()
      return report
    },
  )
  app.get(
    '/v1/catalogue/imports',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'listImports',
        summary: 'Past imports and their counts',
        querystring: PageQuery,
        response: {
          200: Page(
            Type.Object({
              id: Type.String({ format: 'uuid' }),
              format: Type.String(),
              importedBy: Type.Union([Type.String(), Type.Null()]),
              created: Type.Integer(),
              updated: Type.Integer(),
              unchanged: Type.Integer(),
              skipped: Type.Integer(),
              createdAt: Type.String({ format: 'date-time' }),
            }),
          ),
        },
      },
    },
    async (request) => listImports(ctx, request.query.limit ?? 20, request.query.offset ?? 0),
  )
}
