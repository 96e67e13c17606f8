import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Page, PageQuery, THEME_IDS, THEMES } from '@osinum/contracts'
import { defineError } from '@osinum/service-kit'
import { Type } from 'typebox'
import { addAttachment, deleteAttachment, listAttachments, readAttachment } from '../../domain/attachments.js'
import type { Resource } from '../../domain/db.js'
import { AttachmentMissing, AttachmentTooLarge } from '../../domain/errors.js'
import { listReports, openReportCount, reportContent, resolveReport } from '../../domain/reports.js'
import {
  canEdit,
  countView,
  createResource,
  deleteResource,
  getEditableResource,
  getVisibleResource,
  resourceHistory,
  transitionResource,
  updateResource,
} from '../../domain/resources.js'
import { resourcesForThemes, searchResources } from '../../domain/search.js'
import { isEditorOf } from '../../domain/viewer.js'
import {
  AUDIENCE_IDS,
  AUDIENCES,
  LEVEL_IDS,
  LEVELS,
  REPORT_REASONS,
  RESOURCE_STATUS_IDS,
  RESOURCE_STATUSES,
  RESOURCE_TYPE_IDS,
  RESOURCE_TYPES,
  type ResourceStatus,
  SUGGESTED_LICENCES,
} from '../../domain/vocabulary.js'
import {
  Attachment,
  Facets,
  HistoryEntry,
  Nullable,
  ProblemRef,
  Report,
  ReportBody,
  ResourceCreate,
  ResourceDetail,
  ResourcePatch,
  ResourceStatusSchema,
  ResourceSummary,
  Slug,
  Uuid,
} from '../../schemas.js'
import { multiValues, pageOf, type RouteDeps, signedIn, viewer } from '../context.js'
import { presentReport, presentResource } from '../present.js'

const NotMultipart = defineError(
  'OSI_RESOURCES_NOT_MULTIPART',
  'Send the file as multipart/form-data in a field named "file"',
  415,
)

const StatusFilterForbidden = defineError(
  'OSI_RESOURCES_STATUS_FILTER_FORBIDDEN',
  'Only staff can list unpublished resources',
  403,
)

const tags = ['resources']
const STAFF = ['editor', 'admin', 'advisor'] as const
const EDITORS = ['editor', 'admin'] as const
const SlugParams = Type.Object({ slug: Slug })

const labelled = (labels: Record<string, string>) =>
  Object.entries(labels).map(([id, label]) => ({ id, label }))
const Labelled = Type.Array(Type.Object({ id: Type.String(), label: Type.String() }))

function attachmentUrl(publicUrl: string, slug: string, id: string) {
  return `${publicUrl}/v1/resources/${slug}/attachments/${id}`
}

/** Resources: search, reading, editorial workflow, attachments, reports. */
export const resourceRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (fastify, deps) => {
  const { db, schema, storage, config, searchCache } = deps
  const maxBytes = config.RESOURCES_ATTACHMENT_MAX_BYTES
  await fastify.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 100 },
    throwFileSizeLimit: true,
  })

  async function detail(r: Resource, v: Awaited<ReturnType<typeof viewer>>) {
    const editable = canEdit(v, r)
    const attachments = await listAttachments(db, r.id)
    return {
      ...presentResource(r),
      body: r.body,
      bodyHtml: r.body_html,
      sourceLicence: r.source_licence,
      createdAt: new Date(r.created_at).toISOString(),
      canEdit: editable,
      attachments: attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        mimeType: a.mime_type,
        sizeBytes: a.size_bytes,
        url: attachmentUrl(config.PUBLIC_URL, r.slug, a.id),
        createdAt: new Date(a.created_at).toISOString(),
      })),
      ...(editable || isEditorOf(v, r.operator_id)
        ? { openReports: await openReportCount(db, 'resource', r.id) }
        : {}),
    }
  }

  fastify.get(
    '/v1/resources',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'searchResources',
        summary: 'Search resources (French full text, facets, sorts)',
        description:
          'Accent-insensitive, stemmed French search over title, summary and body, with typo tolerance on titles. ' +
          'Multi-valued filters accept `?theme=a&theme=b` or `?theme=a,b` (OR within a filter, AND across filters). ' +
          'Facet counts are disjunctive: each facet ignores its own filter. Staff may pass `status` to see drafts of their scope.',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          type: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          theme: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          audience: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          level: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 20 })),
          operator: Type.Optional(
            Type.Array(Type.String({ maxLength: 400 }), {
              maxItems: 20,
              description: '`national` or operator ids',
            }),
          ),
          status: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 4 })),
          outdated: Type.Optional(Type.Boolean()),
          sort: Type.Optional(
            Type.Union(
              [
                Type.Literal('relevance'),
                Type.Literal('date'),
                Type.Literal('popularity'),
                Type.Literal('title'),
              ],
              { default: 'relevance' },
            ),
          ),
          facets: Type.Optional(Type.Boolean({ default: true })),
          ...PageQuery.properties,
        }),
        response: {
          200: Type.Object({ ...Page(ResourceSummary).properties, facets: Nullable(Facets) }),
          400: ProblemRef,
          403: ProblemRef,
        },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      const q = request.query
      const statuses = multiValues('status', q.status, RESOURCE_STATUS_IDS) as ResourceStatus[]
      if (statuses.length && !v.isStaff) throw new StatusFilterForbidden()
      const page = pageOf(q)
      const result = await searchResources(
        db,
        schema,
        v,
        {
          q: q.q,
          types: multiValues('type', q.type, RESOURCE_TYPE_IDS),
          themes: multiValues('theme', q.theme, THEME_IDS),
          audiences: multiValues('audience', q.audience, AUDIENCE_IDS),
          levels: multiValues('level', q.level, LEVEL_IDS),
          operators: multiValues('operator', q.operator, 'operator'),
          statuses: statuses.length ? statuses : null,
          outdated: q.outdated,
          sort: q.sort ?? 'relevance',
          facets: q.facets ?? true,
          ...page,
        },
        searchCache,
      )
      return { items: result.items.map(presentResource), total: result.total, ...page, facets: result.facets }
    },
  )

  fastify.get(
    '/v1/resources/vocabulary',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'resourceVocabulary',
        summary: 'Types, audiences, levels, statuses, themes and report reasons with their French labels',
        response: {
          200: Type.Object({
            types: Labelled,
            audiences: Labelled,
            levels: Labelled,
            statuses: Labelled,
            themes: Labelled,
            reportReasons: Labelled,
            licences: Type.Array(Type.String()),
          }),
        },
      },
    },
    async () => ({
      types: labelled(RESOURCE_TYPES),
      audiences: labelled(AUDIENCES),
      levels: labelled(LEVELS),
      statuses: labelled(RESOURCE_STATUSES),
      themes: labelled(THEMES),
      reportReasons: labelled(REPORT_REASONS),
      licences: [...SUGGESTED_LICENCES],
    }),
  )

  fastify.get(
    '/v1/resources/for-you',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'resourcesForYou',
        summary: '"Pour vous": resources on the themes a diagnostic found weak',
        querystring: Type.Object({
          themes: Type.Array(Type.String({ maxLength: 400 }), {
            minItems: 1,
            maxItems: 16,
            description: 'Theme ids, e.g. `?themes=gdpr,open-data`',
          }),
          ...PageQuery.properties,
        }),
        response: { 200: Page(ResourceSummary), 400: ProblemRef },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      const themes = multiValues('themes', request.query.themes, THEME_IDS)
      const page = pageOf(request.query)
      const result = await resourcesForThemes(db, schema, v, themes, page.limit, page.offset)
      return { items: result.items.map(presentResource), total: result.total, ...page }
    },
  )

  fastify.get(
    '/v1/resources/reports',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'listContentReports',
        summary: 'Reports readers made on resources, experiences and comments (editors)',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('dismissed')], {
              default: 'open',
            }),
          ),
          contentType: Type.Optional(
            Type.Union([Type.Literal('resource'), Type.Literal('experience'), Type.Literal('comment')]),
          ),
          ...PageQuery.properties,
        }),
        response: { 200: Page(Report) },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      const page = pageOf(request.query)
      const result = await listReports(db, v, {
        status: request.query.status ?? 'open',
        contentType: request.query.contentType,
        ...page,
      })
      return { items: result.items.map(presentReport), total: result.total, ...page }
    },
  )

  fastify.post(
    '/v1/resources/reports/:id/resolution',
    {
      config: { access: [...EDITORS] },
      schema: {
        tags,
        operationId: 'resolveContentReport',
        summary: 'Close a report as resolved or dismissed (editors)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            status: Type.Union([Type.Literal('resolved'), Type.Literal('dismissed')]),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await viewer(deps, request)
      await resolveReport(db, v, request.params.id, request.body.status, request.body.note ?? null)
      return reply.code(204).send(null)
    },
  )

  fastify.post(
    '/v1/resources',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        operationId: 'createResource',
        summary: 'Create a draft resource (editors; advisors as contributors)',
        description:
          'The resource belongs to the caller’s scope: national for national staff, local for an operator’s staff (`operatorId` defaults to it).',
        body: ResourceCreate,
        response: { 201: ResourceDetail, 400: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const r = await createResource(db, v, request.body)
      reply.header('location', `/v1/resources/${r.slug}`)
      return reply.code(201).send(await detail(r, v))
    },
  )

  fastify.get(
    '/v1/resources/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getResource',
        summary: 'A resource, its sanitised HTML body and attachments',
        params: SlugParams,
        response: { 200: ResourceDetail, 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await viewer(deps, request)
      const r = await getVisibleResource(db, v, request.params.slug)
      if (r.status === 'published' && !canEdit(v, r)) await countView(db, r.id)
      return detail(r, v)
    },
  )

  fastify.patch(
    '/v1/resources/:slug',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        operationId: 'updateResource',
        summary: 'Change a resource (recorded in its history)',
        params: SlugParams,
        body: ResourcePatch,
        response: { 200: ResourceDetail, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const r = await updateResource(db, v, request.params.slug, request.body)
      return detail(r, v)
    },
  )

  fastify.delete(
    '/v1/resources/:slug',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        operationId: 'deleteResource',
        summary: 'Delete a draft (published content is archived instead)',
        params: SlugParams,
        response: { 204: Type.Null(), 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const keys = await deleteResource(db, v, request.params.slug)
      for (const key of keys) await storage.delete(key).catch(() => {})
      return reply.code(204).send(null)
    },
  )

  fastify.post(
    '/v1/resources/:slug/transitions',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        operationId: 'transitionResource',
        summary: 'Move a resource in the workflow: draft → in-review → published → archived',
        description:
          'Advisors may submit their own drafts for review; only editors of the resource’s scope publish, archive or send back.',
        params: SlugParams,
        body: Type.Object(
          { to: ResourceStatusSchema, note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: ResourceDetail, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const r = await transitionResource(
        db,
        v,
        request.params.slug,
        request.body.to,
        request.body.note ?? null,
      )
      return detail(r, v)
    },
  )

  fastify.get(
    '/v1/resources/:slug/history',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        operationId: 'resourceHistory',
        summary: 'Who changed what and when',
        params: SlugParams,
        response: { 200: Type.Array(HistoryEntry), 404: ProblemRef },
      },
    },
    async (request) => {
      const v = await signedIn(deps, request)
      const rows = await resourceHistory(db, v, request.params.slug)
      return rows.map((h) => ({
        id: h.id,
        at: new Date(h.at).toISOString(),
        actorId: h.actor_id,
        action: h.action,
        fromStatus: h.from_status,
        toStatus: h.to_status,
        changes: Array.isArray(h.changes) ? h.changes : [],
        note: h.note,
      }))
    },
  )

  fastify.post(
    '/v1/resources/:slug/reports',
    {
      schema: {
        tags,
        operationId: 'reportResource',
        summary: 'Report a resource as outdated or wrong',
        params: SlugParams,
        body: ReportBody,
        response: { 201: Report, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      const r = await getVisibleResource(db, v, request.params.slug)
      const row = await reportContent(
        db,
        v,
        { contentType: 'resource', contentId: r.id, title: r.title },
        request.body.reason,
        request.body.message ?? null,
      )
      return reply.code(201).send(presentReport({ ...row, title: r.title, resource_slug: r.slug } as never))
    },
  )

  fastify.post(
    '/v1/resources/:slug/attachments',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        operationId: 'uploadResourceAttachment',
        summary: 'Attach a file (multipart/form-data, field "file")',
        description: `PDF, images, OpenDocument and Office documents, CSV/TXT/Markdown; the type is checked from the content. At most ${maxBytes} bytes.`,
        consumes: ['multipart/form-data'],
        params: SlugParams,
        response: { 201: Attachment, 404: ProblemRef, 413: ProblemRef, 415: ProblemRef, 422: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      await getEditableResource(db, v, request.params.slug)
      if (!request.isMultipart()) throw new NotMultipart()
      const part = await request.file()
      if (part?.fieldname !== 'file') {
        part?.file.resume()
        throw new AttachmentMissing()
      }
      let data: Buffer
      try {
        data = await part.toBuffer()
      } catch (error) {
        if (error instanceof fastify.multipartErrors.RequestFileTooLargeError)
          throw new AttachmentTooLarge(maxBytes)
        throw error
      }
      if (data.byteLength === 0) throw new AttachmentMissing()
      const { resourceSlug, attachment } = await addAttachment(db, storage, v, request.params.slug, {
        filename: part.filename,
        data,
      })
      return reply.code(201).send({
        id: attachment.id,
        filename: attachment.filename,
        mimeType: attachment.mime_type,
        sizeBytes: attachment.size_bytes,
        url: attachmentUrl(config.PUBLIC_URL, resourceSlug, attachment.id),
        createdAt: new Date(attachment.created_at).toISOString(),
      })
    },
  )

  fastify.get(
    '/v1/resources/:slug/attachments/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'downloadResourceAttachment',
        summary: 'Download an attachment',
        params: Type.Object({ slug: Slug, id: Uuid }),
        produces: ['application/octet-stream'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await viewer(deps, request)
      const { row, data } = await readAttachment(db, storage, v, request.params.slug, request.params.id)
      const ascii = row.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
      return reply
        .type(row.mime_type)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
        )
        .header('cache-control', 'private, max-age=300')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Buffer.from(data))
    },
  )

  fastify.delete(
    '/v1/resources/:slug/attachments/:id',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        operationId: 'deleteResourceAttachment',
        summary: 'Remove an attachment',
        params: Type.Object({ slug: Slug, id: Uuid }),
        response: { 204: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const v = await signedIn(deps, request)
      await deleteAttachment(db, storage, v, request.params.slug, request.params.id)
      return reply.code(204).send(null)
    },
  )
}
