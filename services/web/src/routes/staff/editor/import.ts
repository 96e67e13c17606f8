import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type FieldError, type PageProblem, pageProblem } from '../../../problems.js'
import { flash } from '../../../session.js'
import { redirect, render } from '../../../view.js'
import { requireStaff, STAFF } from '../access.js'
import { confirmed } from '../ui.js'
import { type Draft, IMPORT_PATH, type ImportReport, importPage, PUBLISH_PATH } from './import.html.js'

/** A SILL or Comptoir du Libre export is a few hundred kilobytes; the API has its own limit too. */
const MAX_FILE_BYTES = 8 * 1024 * 1024
const FORMATS = new Set(['sill', 'comptoir-du-libre'])

async function drafts(request: FastifyRequest): Promise<Draft[]> {
  const api = await request.server.web.api(request)
  const { data } = await api.GET('/v1/tools', { params: { query: { status: 'draft', limit: 100 } } })
  return (data?.items ?? []).map((t) => ({ slug: t.slug, name: t.name, summary: t.summary }))
}

/** Editors: import a SILL or Comptoir du Libre file, read the report per entry, publish the drafts checked. */
export default async function editorImportRoutes(app: FastifyInstance) {
  app.addHook('preHandler', requireStaff(STAFF.editor))
  // The file form only (this plugin's routes): fields on the body, so the CSRF check reads `_csrf`.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, parts: 5 },
  })

  const show = async (
    request: FastifyRequest,
    extra: { report?: ImportReport; problem?: PageProblem; selected?: string[] } = {},
  ) => ({ drafts: await drafts(request), ...extra })

  app.get(IMPORT_PATH, async (request, reply) => {
    const data = await show(request)
    return render(request, reply, (ctx) => importPage(ctx, data))
  })

  app.post(IMPORT_PATH, async (request, reply) => {
    const body = (request.body ?? {}) as { file?: unknown; format?: unknown }
    const file = Buffer.isBuffer(body.file) ? body.file : undefined
    const format = typeof body.format === 'string' && FORMATS.has(body.format) ? body.format : undefined
    const again = async (problem: PageProblem) => {
      const data = await show(request, { problem })
      return render(request, reply, (ctx) => ({ ...importPage(ctx, data), status: 400 }))
    }
    if (!file?.length)
      return again({
        message: 'Aucun fichier reçu.',
        fields: [{ field: 'file', message: 'Choisissez le fichier à importer.' }],
      })
    const api = await request.server.web.api(request)
    const { data: report, error } = await api.POST('/v1/catalogue/imports', {
      params: { query: format ? { format: format as 'sill' } : {} },
      body: file as unknown,
      bodySerializer: (b: unknown) => b as Buffer,
      headers: { 'content-type': 'application/json' },
    })
    if (!report) {
      const problem = pageProblem(error)
      const listed = ((error as { errors?: Array<{ field: string; message: string }> })?.errors ?? []).slice(
        0,
        10,
      )
      return again({
        message: `Le fichier n’a pas été importé, rien n’a changé. ${problem.message}${listed.length ? ` Premiers problèmes : ${listed.map((e) => `${e.field} : ${e.message}`).join(' ; ')}.` : ''}`,
        fields: [
          {
            field: 'file',
            message: 'Vérifiez que c’est bien un export JSON du SILL ou du Comptoir du Libre.',
          },
        ],
      })
    }
    const data = await show(request, { report: report as ImportReport })
    return render(request, reply, (ctx) => importPage(ctx, data))
  })

  app.post(PUBLISH_PATH, async (request, reply) => {
    const raw = (request.body as { slugs?: unknown } | undefined)?.slugs
    const slugs = [raw ?? []].flat().filter((s): s is string => typeof s === 'string')
    const fields: FieldError[] = []
    if (!slugs.length) fields.push({ field: 'slugs', message: 'Cochez au moins un logiciel.' })
    if (!confirmed(request.body, 'confirmer'))
      fields.push({ field: 'confirmer', message: 'Cochez la case pour confirmer la publication.' })
    const again = async (problem: PageProblem) => {
      const data = await show(request, { problem, selected: slugs })
      return render(request, reply, (ctx) => ({ ...importPage(ctx, data), status: 400 }))
    }
    if (fields.length) return again({ message: 'Rien n’a été publié.', fields })
    const api = await request.server.web.api(request)
    const { data, error } = await api.POST('/v1/tools/publication', { body: { slugs: slugs.slice(0, 100) } })
    if (!data) return again(pageProblem(error))
    flash(
      request,
      `${data.published.length} logiciel${data.published.length > 1 ? 's publiés' : ' publié'} : ${data.published.join(', ')}.`,
    )
    return redirect(reply, IMPORT_PATH)
  })
}
