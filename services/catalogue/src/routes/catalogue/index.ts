import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery } from '@osinum/contracts'
import { NotFound } from '@osinum/service-kit'
import { Type } from 'typebox'
import { exportCatalogue, toCsv } from '../../domain/export.js'
import { listImports, REPORT_PAGE_MAX, readImport, runImport } from '../../domain/import.js'
import { parseImportOffThread } from '../../domain/import-file.js'
import { ExportDocument, IMPORT_FORMAT_IDS, ImportReport } from '../../schemas.js'
import { nationalEditors, ProblemRef, type RouteDeps, TAGS } from '../shared.js'

const EDITORS = ['editor', 'admin'] as const
const literalUnion = <const T extends readonly string[]>(ids: T) =>
  Type.Union(ids.map((id) => Type.Literal(id)))

/** Open data export of the published catalogue, and imports of public catalogues (SILL, Comptoir du Libre). */
export const catalogueRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx, index, config }) => {
  // An import file is read in a worker thread (parseImportOffThread): here it stays bytes. The only
  // JSON body of this plugin's routes is that file.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(
    ['application/json', 'text/csv', 'text/plain', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
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
        summary:
          "Import a SILL file as published (Catalogi v1/v2, sill-softwares.json, sill.json), a Comptoir du Libre export, or this catalogue's export.json / export.csv",
        description:
          "The body is the file itself (JSON, or CSV with `text/csv`). Each entry is checked on its own: a bad entry is refused with its problems, the others are imported. Known software (by the source's own id, another id with a matching name, then the exact name) only gets its empty fields filled; unknown software becomes a draft with suggested categories. Shared ids and near-duplicate names are reported, never merged silently. `dryRun=true` writes nothing and tells what would happen. The per-entry report is paginated (`reportOffset`, `reportLimit`) and kept: `GET /v1/catalogue/imports/{id}` reads it again.",
        querystring: Type.Object(
          {
            format: Type.Optional(literalUnion(IMPORT_FORMAT_IDS)),
            dryRun: Type.Optional(Type.Boolean({ default: false })),
            reportOffset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            reportLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: REPORT_PAGE_MAX, default: 100 })),
          },
          { additionalProperties: false },
        ),
        body: Type.Unknown({ description: 'The exported file (JSON or CSV)' }),
        response: { 200: ImportReport, 413: ProblemRef, 422: ProblemRef },
      },
    },
    async (request) => {
      const file = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(JSON.stringify(request.body ?? null))
      const { format, dryRun, reportOffset, reportLimit } = request.query
      const report = await runImport(ctx, await parseImportOffThread(file, format), {
        actor: request.principal!.userId,
        dryRun,
        reportOffset,
        reportLimit,
      })
      if (!dryRun) index.markStale()
      return report
    },
  )
  app.get(
    '/v1/catalogue/imports/:id',
    {
      config: { access: EDITORS },
      preValidation: nationalEditors,
      schema: {
        tags: TAGS,
        operationId: 'getImport',
        summary: 'One past import (or dry run) and a page of its per-entry report',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object(
          {
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 0, maximum: REPORT_PAGE_MAX, default: 100 })),
            action: Type.Optional(
              literalUnion(['created', 'updated', 'unchanged', 'skipped', 'refused'] as const),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ImportReport, 404: ProblemRef },
      },
    },
    async (request) => {
      const report = await readImport(
        ctx,
        request.params.id,
        request.query.offset ?? 0,
        request.query.limit ?? 100,
        request.query.action,
      )
      if (!report) throw new NotFound('Import')
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
              refused: Type.Integer(),
              warnings: Type.Integer(),
              dryRun: Type.Boolean(),
              createdAt: Type.String({ format: 'date-time' }),
            }),
          ),
        },
      },
    },
    async (request) => listImports(ctx, request.query.limit ?? 20, request.query.offset ?? 0),
  )
}
