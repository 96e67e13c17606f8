import { plainText } from '@osinum/markdown'
import { NotFound } from '@osinum/service-kit'
import { fileTypeFromBuffer } from 'file-type'
import type { DbOrTrx } from './db.js'
import { AttachmentTypeRefused, TooManyAttachments } from './errors.js'
import { newId } from './ids.js'
import { getEditableResource, getVisibleResource } from './resources.js'
import type { AttachmentStorage } from './storage.js'
import type { Viewer } from './viewer.js'

export const MAX_ATTACHMENTS_PER_RESOURCE = 20

/** Accepted types, by the type their content shows, with the extensions a file of that type may carry. */
export const ALLOWED_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
}
/** Text has no signature: accepted by extension when the bytes are valid UTF-8 text without markup. */
export const TEXT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
}

export interface UploadedFile {
  filename: string
  data: Uint8Array
}

const extensionOf = (filename: string) => /\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase() ?? ''

function looksLikeText(data: Uint8Array): boolean {
  if (data.includes(0)) return false
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return false
  }
  // A file a browser could take for a page or a script is not "plain text" here.
  return !/<\s*(script|html|svg|iframe|object|embed|body|meta)\b/i.test(text)
}

/** The type of a file from its content (magic numbers), checked against its extension. */
export async function detectType(file: UploadedFile): Promise<string> {
  const ext = extensionOf(file.filename)
  const sniffed = await fileTypeFromBuffer(file.data)
  if (sniffed) {
    const extensions = ALLOWED_TYPES[sniffed.mime]
    if (!extensions) throw new AttachmentTypeRefused(sniffed.mime)
    if (!extensions.includes(ext))
      throw new AttachmentTypeRefused(`${sniffed.mime} content with a .${ext || '?'} name`)
    return sniffed.mime
  }
  const textType = TEXT_TYPES[ext]
  if (textType && looksLikeText(file.data)) return `${textType}; charset=utf-8`
  throw new AttachmentTypeRefused(ext ? `.${ext}` : 'unknown type')
}

export function cleanFilename(name: string): string {
  const base = plainText(name.split(/[\\/]/).pop() ?? '')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(-150)
  return base || 'fichier'
}

export async function addAttachment(
  db: DbOrTrx,
  storage: AttachmentStorage,
  viewer: Viewer,
  slug: string,
  file: UploadedFile,
) {
  const resource = await getEditableResource(db, viewer, slug)
  const mime = await detectType(file)
  const count = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resource_id', '=', resource.id)
    .executeTakeFirst()
  if (Number(count?.n ?? 0) >= MAX_ATTACHMENTS_PER_RESOURCE)
    throw new TooManyAttachments(MAX_ATTACHMENTS_PER_RESOURCE)
  const id = newId()
  const key = `resources/${resource.id}/${id}`
  await storage.put(key, file.data, mime)
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('attachments')
        .values({
          id,
          resource_id: resource.id,
          filename: cleanFilename(file.filename),
          mime_type: mime,
          size_bytes: file.data.byteLength,
          storage: storage.kind,
          storage_key: key,
          created_by: viewer.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('resource_history')
        .values({
          resource_id: resource.id,
          actor_id: viewer.userId,
          action: 'attachment-added',
          from_status: null,
          to_status: null,
          changes: JSON.stringify(['attachments']),
          note: row.filename,
        })
        .execute()
      return { resourceSlug: resource.slug, attachment: row }
    })
  } catch (error) {
    await storage.delete(key).catch(() => {})
    throw error
  }
}

export async function listAttachments(db: DbOrTrx, resourceId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'mime_type', 'size_bytes', 'created_at'])
    .where('resource_id', '=', resourceId)
    .orderBy('created_at', 'asc')
    .execute()
}

export async function readAttachment(
  db: DbOrTrx,
  storage: AttachmentStorage,
  viewer: Viewer,
  slug: string,
  id: string,
) {
  const resource = await getVisibleResource(db, viewer, slug)
  const row = await db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('resource_id', '=', resource.id)
    .executeTakeFirst()
  if (!row) throw new NotFound('Attachment')
  const data = await storage.get(row.storage_key)
  if (!data) throw new NotFound('Attachment')
  return { row, data }
}

export async function deleteAttachment(
  db: DbOrTrx,
  storage: AttachmentStorage,
  viewer: Viewer,
  slug: string,
  id: string,
) {
  const resource = await getEditableResource(db, viewer, slug)
  const row = await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('attachments')
      .where('id', '=', id)
      .where('resource_id', '=', resource.id)
      .returningAll()
      .executeTakeFirst()
    if (!deleted) throw new NotFound('Attachment')
    await trx
      .insertInto('resource_history')
      .values({
        resource_id: resource.id,
        actor_id: viewer.userId,
        action: 'attachment-removed',
        from_status: null,
        to_status: null,
        changes: JSON.stringify(['attachments']),
        note: deleted.filename,
      })
      .execute()
    return deleted
  })
  await storage.delete(row.storage_key).catch(() => {})
}
