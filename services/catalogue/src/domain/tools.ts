import { CATEGORIES, CatalogueEvents, type Category, THEMES, type Theme } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { markdownToText, renderMarkdown } from '@osinum/markdown'
import { NotFound } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import type { ToolCreateBody, ToolDetail, ToolUpdateBody } from '../schemas.js'
import { completenessOf, criteriaOf, type ToolCore } from './criteria-table.js'
import {
  type Accessibility,
  bumpVersion,
  type DbContext,
  type DbOrTrx,
  type HostingOption,
  type NewToolRow,
  type Security,
  type ToolRevisionsTable,
  type ToolRow,
  type Trx,
} from './db.js'
import { ExternalIdTaken, SlugTaken } from './errors.js'
import { isFreeLicence } from './licences.js'
import { offerFor, type SearchIndex, type Snapshot } from './search.js'
import { normalise } from './text.js'
import { seesCriterion, type Viewer } from './viewer.js'
import { CATEGORY_DETAILS } from './vocabulary.js'

export interface ExternalIds {
  wikidata: string | null
  sill: string | null
  comptoirDuLibre: string | null
  framalibre: string | null
}

/** A tool's editable content, complete (the shape of the seed file). */
export interface ToolInput {
  slug: string
  name: string
  summary: string
  description: string
  website: string | null
  repository: string | null
  logoUrl: string | null
  licence: string
  categories: string[]
  themes: string[]
  hosting: HostingOption[]
  standards: string[]
  accessibility: Accessibility
  security: Security
  sobriety: string | null
  costModel: string
  skillLevel: string
  alternativeTo: string[]
  externalIds: ExternalIds
}

export const EMPTY_EXTERNAL_IDS: ExternalIds = {
  wikidata: null,
  sill: null,
  comptoirDuLibre: null,
  framalibre: null,
}
const DEFAULT_SECURITY: Security = {
  twoFactor: null,
  endToEndEncryption: null,
  secNumCloud: false,
  note: null,
}

/** Fills the optional fields of a create body. */
export function inputFromCreate(body: ToolCreateBody, slug: string): ToolInput {
  return {
    slug,
    name: body.name,
    summary: body.summary,
    description: body.description ?? '',
    website: body.website ?? null,
    repository: body.repository ?? null,
    logoUrl: body.logoUrl ?? null,
    licence: body.licence,
    categories: body.categories,
    themes: body.themes ?? [],
    hosting: (body.hosting ?? []).map((h) => ({
      mode: h.mode,
      dataLocation: h.dataLocation,
      note: h.note ?? null,
    })),
    standards: body.standards ?? [],
    accessibility: normaliseAccessibility(body.accessibility),
    security: { ...DEFAULT_SECURITY, ...(body.security ?? {}), note: body.security?.note ?? null },
    sobriety: body.sobriety ?? null,
    costModel: body.costModel,
    skillLevel: body.skillLevel,
    alternativeTo: body.alternativeTo ?? [],
    externalIds: { ...EMPTY_EXTERNAL_IDS, ...(body.externalIds ?? {}) },
  }
}

function normaliseAccessibility(a: Partial<Accessibility> | undefined): Accessibility {
  return {
    rgaaDeclaration: a?.rgaaDeclaration ?? 'unknown',
    declarationUrl: a?.declarationUrl ?? null,
    note: a?.note ?? null,
  }
}

/** The columns of a tool derived from its content: rendered HTML, facets, search text. */
export function toolColumns(input: ToolInput): Omit<NewToolRow, 'id' | 'status' | 'published_at'> {
  const categoryLabels = input.categories.flatMap((c) => [
    CATEGORIES[c as Category] ?? '',
    CATEGORY_DETAILS[c]?.label ?? '',
  ])
  const themeLabels = input.themes.map((t) => THEMES[t as Theme] ?? '')
  return {
    slug: input.slug,
    name: input.name,
    summary: input.summary,
    description_md: input.description,
    description_html: renderMarkdown(input.description),
    website: input.website,
    repository: input.repository,
    logo_url: input.logoUrl,
    licence: input.licence,
    is_free: isFreeLicence(input.licence),
    categories: input.categories,
    themes: input.themes,
    hosting: JSON.stringify(input.hosting),
    hosting_modes: [...new Set(input.hosting.map((h) => h.mode))],
    data_locations: [...new Set(input.hosting.map((h) => h.dataLocation))],
    standards: input.standards,
    accessibility: JSON.stringify(input.accessibility),
    rgaa_declaration: input.accessibility.rgaaDeclaration,
    security: JSON.stringify(input.security),
    sobriety: input.sobriety,
    cost_model: input.costModel,
    skill_level: input.skillLevel,
    alternative_to: input.alternativeTo,
    wikidata_id: input.externalIds.wikidata,
    sill_id: input.externalIds.sill,
    comptoir_id: input.externalIds.comptoirDuLibre,
    framalibre_id: input.externalIds.framalibre,
    search_a: normalise(`${input.name} ${input.slug.replace(/-/g, ' ')}`),
    search_b: normalise(
      [input.summary, ...categoryLabels, ...themeLabels, ...input.alternativeTo, ...input.standards].join(
        ' . ',
      ),
    ),
    search_c: normalise(markdownToText(input.description)),
    name_norm: normalise(input.name),
  }
}

export function inputOfRow(row: ToolRow): ToolInput {
  return {
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    description: row.description_md,
    website: row.website,
    repository: row.repository,
    logoUrl: row.logo_url,
    licence: row.licence,
    categories: row.categories,
    themes: row.themes,
    hosting: row.hosting.map((h) => ({ mode: h.mode, dataLocation: h.dataLocation, note: h.note ?? null })),
    standards: row.standards,
    accessibility: normaliseAccessibility(row.accessibility),
    security: { ...DEFAULT_SECURITY, ...row.security, note: row.security.note ?? null },
    sobriety: row.sobriety,
    costModel: row.cost_model,
    skillLevel: row.skill_level,
    alternativeTo: row.alternative_to,
    externalIds: {
      wikidata: row.wikidata_id,
      sill: row.sill_id,
      comptoirDuLibre: row.comptoir_id,
      framalibre: row.framalibre_id,
    },
  }
}

/** Field-by-field differences between two versions of a tool (what the history shows). */
export function diffInputs(
  before: ToolInput,
  after: ToolInput,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(after) as Array<keyof ToolInput>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null }
  }
  return changes
}

function eventData(id: string, input: ToolInput, status: string) {
  return {
    toolId: id,
    slug: input.slug,
    name: input.name,
    summary: input.summary,
    categories: input.categories as Category[],
    themes: input.themes as Theme[],
    status: status as 'draft' | 'published' | 'archived',
  }
}

async function writeRevision(
  trx: Trx,
  toolId: string,
  revision: number,
  action: ToolRevisionsTable['action'],
  actor: string | null,
  changes: Record<string, { from: unknown; to: unknown }>,
) {
  await trx
    .insertInto('tool_revisions')
    .values({
      id: uuidv7(),
      tool_id: toolId,
      revision,
      action,
      changed_by: actor,
      changes: JSON.stringify(changes),
    })
    .execute()
}

function conflictOf(error: unknown, slug: string): unknown {
  if (!isUniqueViolation(error)) return error
  const constraint = String((error as { constraint?: string }).constraint ?? (error as Error).message ?? '')
  if (constraint.includes('slug')) return new SlugTaken(slug)
  const which = /tools_(\w+)_id/.exec(constraint)?.[1] ?? 'wikidata, sill, comptoir, framalibre'
  return new ExternalIdTaken(which)
}

/** Creates a tool (and publishes it if asked): history, event and search version in one transaction. */
export async function createTool(
  ctx: DbContext,
  input: ToolInput,
  options: {
    status: 'draft' | 'published' | 'archived'
    actor: string | null
    action?: ToolRevisionsTable['action']
  },
  trx?: Trx,
): Promise<string> {
  const run = async (t: Trx) => {
    const existing = await t
      .selectFrom('tools')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst()
    if (existing) throw new SlugTaken(input.slug)
    const id = uuidv7()
    await t
      .insertInto('tools')
      .values({
        id,
        ...toolColumns(input),
        status: options.status,
        published_at: options.status === 'published' ? new Date() : null,
      })
      .execute()
    await writeRevision(
      t,
      id,
      1,
      options.action ?? 'created',
      options.actor,
      diffInputs({} as ToolInput, input),
    )
    if (options.status === 'published')
      await recordEvent(t, CatalogueEvents.ToolPublished, id, eventData(id, input, options.status))
    await bumpVersion(t)
    return id
  }
  try {
    return trx ? await run(trx) : await ctx.db.transaction().execute(run)
  } catch (error) {
    throw conflictOf(error, input.slug)
  }
}

/**
 * Applies new content and/or status to a tool. Nothing changes (no revision, no event) when the
 * content is identical: that is what makes re-imports idempotent.
 */
export async function updateTool(
  ctx: DbContext,
  toolId: string,
  next: (current: ToolInput, row: ToolRow) => { input: ToolInput; status?: ToolRow['status'] },
  options: { actor: string | null; action?: ToolRevisionsTable['action'] },
  trx?: Trx,
): Promise<{ changed: boolean; slug: string }> {
  const run = async (t: Trx) => {
    const row = await t
      .selectFrom('tools')
      .selectAll()
      .where('id', '=', toolId)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new NotFound('Tool')
    const before = inputOfRow(row)
    const { input, status = row.status } = next(before, row)
    const changes = diffInputs(before, input)
    if (status !== row.status) changes.status = { from: row.status, to: status }
    if (Object.keys(changes).length === 0) return { changed: false, slug: row.slug }
    const revision = row.revision + 1
    const publishing = status === 'published' && row.status !== 'published'
    await t
      .updateTable('tools')
      .set({
        ...toolColumns(input),
        status,
        revision,
        updated_at: new Date(),
        ...(publishing ? { published_at: new Date() } : {}),
      })
      .where('id', '=', toolId)
      .execute()
    const action =
      options.action ??
      (publishing ? 'published' : status === 'archived' && row.status !== 'archived' ? 'archived' : 'updated')
    await writeRevision(t, toolId, revision, action, options.actor, changes)
    if (publishing)
      await recordEvent(t, CatalogueEvents.ToolPublished, toolId, eventData(toolId, input, status))
    else if (row.status === 'published')
      await recordEvent(t, CatalogueEvents.ToolUpdated, toolId, eventData(toolId, input, status))
    await bumpVersion(t)
    return { changed: true, slug: input.slug }
  }
  try {
    return trx ? await run(trx) : await ctx.db.transaction().execute(run)
  } catch (error) {
    throw conflictOf(error, '')
  }
}

/** Applies a PATCH body to the current content. */
export function applyPatch(current: ToolInput, patch: ToolUpdateBody): ToolInput {
  const next: ToolInput = { ...current }
  if (patch.name !== undefined) next.name = patch.name
  if (patch.summary !== undefined) next.summary = patch.summary
  if (patch.description !== undefined) next.description = patch.description
  if (patch.website !== undefined) next.website = patch.website
  if (patch.repository !== undefined) next.repository = patch.repository
  if (patch.logoUrl !== undefined) next.logoUrl = patch.logoUrl
  if (patch.licence !== undefined) next.licence = patch.licence
  if (patch.categories !== undefined) next.categories = patch.categories
  if (patch.themes !== undefined) next.themes = patch.themes
  if (patch.hosting !== undefined)
    next.hosting = patch.hosting.map((h) => ({
      mode: h.mode,
      dataLocation: h.dataLocation,
      note: h.note ?? null,
    }))
  if (patch.standards !== undefined) next.standards = patch.standards
  if (patch.accessibility !== undefined) next.accessibility = normaliseAccessibility(patch.accessibility)
  if (patch.security !== undefined)
    next.security = { ...DEFAULT_SECURITY, ...patch.security, note: patch.security.note ?? null }
  if (patch.sobriety !== undefined) next.sobriety = patch.sobriety
  if (patch.costModel !== undefined) next.costModel = patch.costModel
  if (patch.skillLevel !== undefined) next.skillLevel = patch.skillLevel
  if (patch.alternativeTo !== undefined) next.alternativeTo = patch.alternativeTo
  if (patch.externalIds !== undefined) next.externalIds = { ...current.externalIds, ...patch.externalIds }
  return next
}

/** A tool's row, visible to this viewer (drafts and archives to editors only). */
/**
 * Publishes several tools at once (the drafts an import created, checked by an editor): all or
 * nothing, each change recorded in its tool's history with its event. Already published ones are
 * left as they are; an unknown slug refuses the whole batch.
 */
export async function publishTools(
  ctx: DbContext,
  slugs: string[],
  actor: string | null,
): Promise<{ published: string[]; unchanged: string[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('tools').select(['id', 'slug']).where('slug', 'in', slugs).execute()
    const missing = slugs.filter((slug) => !rows.some((r) => r.slug === slug))
    if (missing.length) throw new NotFound(`Tool ${missing.join(', ')}`)
    const published: string[] = []
    const unchanged: string[] = []
    for (const slug of slugs) {
      const row = rows.find((r) => r.slug === slug)!
      const { changed } = await updateTool(
        ctx,
        row.id,
        (input, current) => ({
          input,
          status: current.status === 'published' ? current.status : 'published',
        }),
        { actor },
        trx,
      )
      ;(changed ? published : unchanged).push(slug)
    }
    return { published, unchanged }
  })
}

export async function findTool(db: DbOrTrx, slug: string, viewer: Viewer): Promise<ToolRow> {
  const row = await db.selectFrom('tools').selectAll().where('slug', '=', slug).executeTakeFirst()
  if (!row || (row.status !== 'published' && !viewer.isEditor)) throw new NotFound('Tool')
  return row
}

/** A published tool's row (for declarations, reviews, offers). */
export async function findPublishedTool(db: DbOrTrx, slug: string): Promise<ToolRow> {
  const row = await db
    .selectFrom('tools')
    .selectAll()
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst()
  if (!row) throw new NotFound('Tool')
  return row
}

const link = (t: Snapshot['tools'][number]) => ({
  slug: t.slug,
  name: t.name,
  summary: t.summary,
  isFree: t.isFree,
  usersCount: t.usersCount,
})

/** Published tools sharing the most categories with this one. */
export function similarTools(snapshot: Snapshot, tool: { id: string; categories: string[] }, limit = 6) {
  const own = new Set(tool.categories)
  return snapshot.tools
    .filter((t) => t.status === 'published' && t.id !== tool.id)
    .map((t) => ({ t, shared: t.categories.filter((c) => own.has(c)).length }))
    .filter((x) => x.shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared || b.t.usersCount - a.t.usersCount || a.t.name.localeCompare(b.t.name, 'fr'),
    )
    .slice(0, limit)
    .map((x) => link(x.t))
}

/**
 * Alternatives: tools that say they replace this one ("alternative à Microsoft 365"), tools that
 * replace the same products, and, for a non-free tool, free tools of the same categories.
 */
export function alternativeTools(
  snapshot: Snapshot,
  tool: { id: string; name: string; categories: string[]; alternative_to: string[]; is_free: boolean },
  limit = 8,
) {
  const name = normalise(tool.name)
  const replaced = new Set(tool.alternative_to.map(normalise))
  const published = snapshot.tools.filter((t) => t.status === 'published' && t.id !== tool.id)
  const scored = published
    .map((t) => {
      let score = 0
      if (t.alternativeTo.some((a) => a === name || a.startsWith(`${name} `) || name.startsWith(`${a} `)))
        score += 100
      score += 10 * t.alternativeTo.filter((a) => replaced.has(a)).length
      if (!tool.is_free && t.isFree && t.categories.some((c) => tool.categories.includes(c))) score += 1
      return { t, score }
    })
    .filter((x) => x.score > 0)
  return scored
    .sort(
      (a, b) =>
        b.score - a.score || b.t.usersCount - a.t.usersCount || a.t.name.localeCompare(b.t.name, 'fr'),
    )
    .slice(0, limit)
    .map((x) => link(x.t))
}

function attributeLabel(
  kind: string,
  value: unknown,
  options: Array<{ value: string; label: string }>,
  unit: string | null,
) {
  if (kind === 'boolean') return value ? 'Oui' : 'Non'
  if (kind === 'enum') return options.find((o) => o.value === value)?.label ?? String(value)
  if (kind === 'number') return unit ? `${value} ${unit}` : String(value)
  return String(value)
}

/** Custom attribute values of a tool that this viewer may see. */
export async function toolAttributes(db: DbOrTrx, toolId: string, viewer: Viewer) {
  const rows = await db
    .selectFrom('tool_attribute_values as v')
    .innerJoin('criteria as c', 'c.id', 'v.criterion_id')
    .select(['c.key', 'c.label', 'c.kind', 'c.unit', 'c.operator_id', 'c.options', 'v.value'])
    .where('v.tool_id', '=', toolId)
    .orderBy('c.label')
    .execute()
  return rows
    .filter((r) => seesCriterion(viewer, r.operator_id))
    .map((r) => ({
      key: r.key,
      label: r.label,
      kind: r.kind,
      unit: r.unit,
      operatorId: r.operator_id,
      value: r.value,
      valueLabel: attributeLabel(r.kind, r.value, r.options, r.unit),
    }))
}

/** Everything the tool page shows. */
export async function toolDetail(
  ctx: DbContext,
  index: SearchIndex,
  slug: string,
  viewer: Viewer,
): Promise<ToolDetail> {
  const row = await findTool(ctx.db, slug, viewer)
  return detailOfRow(ctx, await index.current(), row, viewer)
}

export async function detailOfRow(
  ctx: DbContext,
  snapshot: Snapshot,
  row: ToolRow,
  viewer: Viewer,
): Promise<ToolDetail> {
  const [attributes, offers] = await Promise.all([
    toolAttributes(ctx.db, row.id, viewer),
    ctx.db
      .selectFrom('provider_offers as o')
      .innerJoin('providers as p', 'p.id', 'o.provider_id')
      .select([
        'o.id',
        'o.regions',
        'o.price_indication',
        'o.url',
        'o.description',
        'p.slug',
        'p.name',
        'p.kind',
        'p.website',
      ])
      .where('o.tool_id', '=', row.id)
      .orderBy('p.name')
      .execute(),
  ])
  const indexed = snapshot.byId.get(row.id)
  const offer = offerFor(snapshot, viewer, row.id)
  const input = inputOfRow(row)
  const core: ToolCore = {
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    description: { markdown: row.description_md, html: row.description_html },
    website: row.website,
    repository: row.repository,
    logoUrl: row.logo_url,
    licence: row.licence,
    isFree: row.is_free,
    categories: row.categories,
    themes: row.themes,
    hosting: input.hosting.map((h) => ({ mode: h.mode, dataLocation: h.dataLocation, note: h.note ?? null })),
    standards: row.standards,
    accessibility: {
      rgaaDeclaration: input.accessibility.rgaaDeclaration,
      declarationUrl: input.accessibility.declarationUrl ?? null,
      note: input.accessibility.note ?? null,
    },
    security: {
      twoFactor: input.security.twoFactor,
      endToEndEncryption: input.security.endToEndEncryption,
      secNumCloud: input.security.secNumCloud,
      note: input.security.note ?? null,
    },
    sobriety: row.sobriety,
    costModel: row.cost_model,
    skillLevel: row.skill_level,
    alternativeTo: row.alternative_to,
    externalIds: input.externalIds,
    status: row.status,
    revision: row.revision,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    usersCount: indexed?.usersCount ?? 0,
    rating: { average: indexed?.ratingAverage ?? null, count: indexed?.ratingCount ?? 0 },
    attributes,
    providerOffers: offers.map((o) => ({
      id: o.id,
      provider: { slug: o.slug, name: o.name, kind: o.kind, website: o.website },
      regions: o.regions,
      priceIndication: o.price_indication,
      url: o.url,
      description: o.description,
    })),
    offeredByMyOperator: offer !== null,
    operatorOffer: offer,
    similar: similarTools(snapshot, row),
    alternatives: alternativeTools(snapshot, row),
  }
  return { ...core, criteria: criteriaOf(core), completeness: completenessOf(core) }
}

/** The change history of a tool, newest first. */
export async function toolHistory(db: DbOrTrx, toolId: string, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('tool_revisions')
      .selectAll()
      .where('tool_id', '=', toolId)
      .orderBy('revision', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('tool_revisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tool_id', '=', toolId)
      .executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => ({
      revision: r.revision,
      action: r.action,
      changedBy: r.changed_by,
      changedAt: new Date(r.changed_at).toISOString(),
      changes: r.changes,
    })),
    total: Number(total.n),
    limit,
    offset,
  }
}

/**
 * Loads tools in the seed format, skipping slugs already present: one multi-row insert per
 * batch, one transaction. Used by the embedded seed and the `load-tools` command.
 */
export async function loadTools(
  ctx: DbContext,
  tools: ToolInput[],
  options: { status: 'draft' | 'published'; action: ToolRevisionsTable['action'] },
): Promise<{ inserted: number; skipped: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('tools').select('slug').execute()).map((r) => r.slug))
    const fresh = tools.filter((t) => !existing.has(t.slug))
    await insertTools(
      trx,
      fresh.map((input) => ({ id: uuidv7(), input })),
      { ...options, actor: null },
    )
    return { inserted: fresh.length, skipped: tools.length - fresh.length }
  })
}

/**
 * Inserts many new tools at once (slugs and external ids already known to be free), with their
 * first revision, events when published and one search version bump: what `createTool`
 * does for one, in a few statements for thousands (seed loads, imports).
 */
export async function insertTools(
  trx: Trx,
  items: Array<{ id: string; input: ToolInput }>,
  options: { status: 'draft' | 'published'; action: ToolRevisionsTable['action']; actor: string | null },
): Promise<void> {
  if (!items.length) return
  const now = new Date()
  const rows = items.map(({ id, input }) => ({
    id,
    ...toolColumns(input),
    status: options.status,
    published_at: options.status === 'published' ? now : null,
  }))
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('tools')
      .values(rows.slice(i, i + 500))
      .execute()
  const revisions = items.map(({ id, input }) => ({
    id: uuidv7(),
    tool_id: id,
    revision: 1,
    action: options.action,
    changed_by: options.actor,
    changes: JSON.stringify(diffInputs({} as ToolInput, input)),
  }))
  for (let i = 0; i < revisions.length; i += 500)
    await trx
      .insertInto('tool_revisions')
      .values(revisions.slice(i, i + 500))
      .execute()
  if (options.status === 'published')
    for (const { id, input } of items)
      await recordEvent(trx, CatalogueEvents.ToolPublished, id, eventData(id, input, 'published'))
  await bumpVersion(trx)
}
