import { FieldsError } from '@osinum/service-kit'
import { CRITERIA } from './criteria-table.js'
import type { DbContext } from './db.js'
import { CompareCount } from './errors.js'
import type { SearchIndex } from './search.js'
import { detailOfRow } from './tools.js'
import type { Viewer } from './viewer.js'

type Row = {
  key: string
  label: string
  group: string
  values: Array<{ slug: string; value: unknown; display: string }>
}

/** Two to four tools side by side on every criterion, custom ones included. */
export async function compareTools(ctx: DbContext, index: SearchIndex, slugsParam: string, viewer: Viewer) {
  const slugs = [
    ...new Set(
      slugsParam
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
  if (slugs.length < 2 || slugs.length > 4) throw new CompareCount(String(slugs.length))
  const rows = await ctx.db.selectFrom('tools').selectAll().where('slug', 'in', slugs).execute()
  const visible = rows.filter((r) => r.status === 'published' || viewer.isEditor)
  const missing = slugs.filter((s) => !visible.some((r) => r.slug === s))
  if (missing.length)
    throw new FieldsError(
      missing.map((s) => ({ field: 'querystring.slugs', message: `unknown tool "${s}"` })),
      { status: 422, code: 'OSI_CATALOGUE_UNKNOWN_TOOL' },
    )
  const snapshot = await index.current()
  const tools = await Promise.all(
    slugs.map((s) => detailOfRow(ctx, snapshot, visible.find((r) => r.slug === s)!, viewer)),
  )
  const table: Row[] = CRITERIA.map((c) => ({
    key: c.key,
    label: c.label,
    group: c.group,
    values: tools.map((t) => {
      const [value, display] = c.get(t)
      return { slug: t.slug, value, display }
    }),
  }))
  // Custom criteria: every one the viewer sees that any compared tool has a value for.
  const custom = new Map<string, { label: string }>()
  for (const t of tools) for (const a of t.attributes) custom.set(a.key, { label: a.label })
  for (const [key, { label }] of custom)
    table.push({
      key: `attribute:${key}`,
      label,
      group: 'Critères complémentaires',
      values: tools.map((t) => {
        const a = t.attributes.find((x) => x.key === key)
        return { slug: t.slug, value: a?.value ?? null, display: a?.valueLabel ?? '—' }
      }),
    })
  return { tools, rows: table }
}
