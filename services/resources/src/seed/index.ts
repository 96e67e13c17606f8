import { DEMO, ResourcesEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { excerpt, renderMarkdown } from '@osinum/markdown'
import type { Db } from '../domain/db.js'
import { seedId } from '../domain/ids.js'
import { parisLocalToInstant } from '../domain/paris-time.js'
import experiences from './experiences.json' with { type: 'json' }
import resources from './resources.json' with { type: 'json' }
import trainings from './trainings.json' with { type: 'json' }

/** Trainings the demo operator offers locally; the others are national. */
const LOCAL_TRAININGS = new Set(['suite-bureautique-libre', 'hygiene-numerique-mairie'])

const paris = (local: string) => {
  const instant = parisLocalToInstant(local)
  if (!instant) throw new Error(`seed: ${local} is not a valid Europe/Paris time`)
  return instant
}
const plusOneYear = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4, 10)}`

/**
 * Embedded demo content: every curated resource published, the demo trainings with their
 * sessions, and the (fictional) experience posts of the demo commune. Idempotent: what exists
 * is left as it is, so editors' changes survive a restart.
 */
export async function seedDemo(db: Db): Promise<void> {
  await db
    .insertInto('operators')
    .values({ id: DEMO.operator.id, name: DEMO.operator.name })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await db
    .insertInto('organisations')
    .values(
      [DEMO.communeA.id, DEMO.communeB.id].map((id) => ({ id, name: null, operator_id: DEMO.operator.id })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()

  const existing = new Set(
    (
      await db
        .selectFrom('resources')
        .select('slug')
        .where(
          'slug',
          'in',
          resources.map((r) => r.slug),
        )
        .execute()
    ).map((r) => r.slug),
  )
  const missing = resources.filter((r) => !existing.has(r.slug))
  if (missing.length)
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('resources')
        .values(
          missing.map((r) => ({
            id: seedId('resource', r.slug),
            slug: r.slug,
            type: r.type,
            title: r.title,
            summary: r.summary,
            body: r.body,
            body_html: renderMarkdown(r.body),
            themes: r.themes,
            audience: r.audience,
            level: r.level,
            duration_minutes: r.durationMinutes,
            licence: r.licence,
            source_licence: r.sourceLicence,
            source_url: r.sourceUrl,
            source_name: r.sourceName,
            related_tools: r.relatedTools,
            operator_id: null,
            status: 'published',
            review_by: plusOneYear(r.publishedAt),
            published_at: paris(`${r.publishedAt}T09:00:00`),
            created_by: DEMO.editor.id,
            updated_by: DEMO.editor.id,
            created_at: paris(`${r.publishedAt}T09:00:00`),
            updated_at: paris(`${r.publishedAt}T09:00:00`),
          })),
        )
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute()
      // Announced as an editor's publication would be, so that other services know them
      // (diagnostics links its measures to resources, notifications builds digests).
      for (const r of missing)
        await recordEvent(trx, ResourcesEvents.ResourcePublished, seedId('resource', r.slug), {
          resourceId: seedId('resource', r.slug),
          slug: r.slug,
          title: r.title,
          summary: r.summary,
          themes: r.themes as never,
          operatorId: null,
        })
    })

  const knownTrainings = new Set(
    (
      await db
        .selectFrom('trainings')
        .select('slug')
        .where(
          'slug',
          'in',
          trainings.map((t) => t.slug),
        )
        .execute()
    ).map((t) => t.slug),
  )
  for (const t of trainings) {
    if (knownTrainings.has(t.slug)) continue
    const trainingId = seedId('training', t.slug)
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('trainings')
        .values({
          id: trainingId,
          slug: t.slug,
          title: t.title,
          summary: t.summary,
          description: t.description,
          description_html: renderMarkdown(t.description),
          themes: t.themes,
          audience: t.audience,
          level: t.level,
          duration_minutes: t.durationMinutes,
          operator_id: LOCAL_TRAININGS.has(t.slug) ? DEMO.operator.id : null,
          created_by: DEMO.editor.id,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute()
      await trx
        .insertInto('training_sessions')
        .values(
          t.sessions.map((s) => ({
            id: seedId('session', `${t.slug}@${s.startsAt}`),
            training_id: trainingId,
            starts_at: paris(s.startsAt),
            ends_at: paris(s.endsAt),
            mode: s.mode,
            online_url: s.onlineUrl,
            place: s.place,
            capacity: s.capacity,
          })),
        )
        .onConflict((oc) => oc.columns(['training_id', 'starts_at']).doNothing())
        .execute()
    })
  }

  const knownPosts = new Set(
    (
      await db
        .selectFrom('experiences')
        .select('slug')
        .where(
          'slug',
          'in',
          experiences.map((e) => e.slug),
        )
        .execute()
    ).map((e) => e.slug),
  )
  const newPosts = experiences
    .map((e, i) => ({ e, day: String(5 + 7 * i).padStart(2, '0') }))
    .filter(({ e }) => !knownPosts.has(e.slug))
  if (newPosts.length)
    await db
      .insertInto('experiences')
      .values(
        newPosts.map(({ e, day }) => ({
          id: seedId('experience', e.slug),
          slug: e.slug,
          title: e.title,
          body: e.body,
          body_html: renderMarkdown(e.body),
          excerpt: excerpt(e.body),
          themes: e.themes,
          tools: e.tools,
          organisation_id: DEMO.communeA.id,
          author_id: DEMO.communeA.elected.id,
          hidden_at: null,
          hidden_by: null,
          hidden_reason: null,
          demo: e.demo,
          created_at: paris(`2026-10-${day}T10:00:00`),
          updated_at: paris(`2026-10-${day}T10:00:00`),
        })),
      )
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute()
}
