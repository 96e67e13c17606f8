import { FieldsError } from '@osinum/service-kit'
import { sql } from 'kysely'
import {
  CATEGORIES,
  CATEGORY_IDS,
  type Category,
  DEFAULT_DIGEST_FREQUENCY,
  type DigestFrequency,
} from './categories.js'
import { type DbOrTrx, json } from './db.js'
import { isErased } from './projection.js'

export interface Channels {
  email: boolean
  inApp: boolean
}

/** The channels each person wants for one category (defaults where they chose nothing). */
export async function channelsFor(
  db: DbOrTrx,
  userIds: string[],
  category: Category,
): Promise<Map<string, Channels>> {
  const defaults = CATEGORIES[category]
  const result = new Map<string, Channels>(
    userIds.map((id) => [id, { email: defaults.email, inApp: defaults.inApp }]),
  )
  if (userIds.length === 0 || defaults.locked) return result
  const rows = await db
    .selectFrom('preferences')
    .select(['user_id', 'email', 'in_app'])
    .where('category', '=', category)
    .where('user_id', 'in', userIds)
    .execute()
  for (const r of rows) result.set(r.user_id, { email: r.email, inApp: r.in_app })
  return result
}

export interface DigestSettings {
  frequency: DigestFrequency
  /** Themes chosen by the person; null = the weak themes of their collectivités' latest diagnostic. */
  themes: string[] | null
}

export async function digestSettings(db: DbOrTrx, userId: string): Promise<DigestSettings> {
  const row = await db
    .selectFrom('digest_settings')
    .select(['frequency', 'themes'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return {
    frequency: (row?.frequency as DigestFrequency | undefined) ?? DEFAULT_DIGEST_FREQUENCY,
    themes: row?.themes ?? null,
  }
}

/** Themes a person follows: their own choice, else their collectivités' weak themes. */
export async function effectiveThemes(
  db: DbOrTrx,
  userId: string,
  chosen: string[] | null,
): Promise<string[]> {
  if (chosen) return chosen
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.organisation_id', 'm.organisation_id')
    .select('o.weak_themes')
    .where('m.user_id', '=', userId)
    .execute()
  return [...new Set(rows.flatMap((r) => r.weak_themes))].sort()
}

export interface PreferencesView {
  categories: Array<{
    category: Category
    label: string
    description: string
    email: boolean
    inApp: boolean
    locked: boolean
  }>
  digest: { frequency: DigestFrequency; themes: string[] | null; effectiveThemes: string[] }
}

export async function getPreferences(db: DbOrTrx, userId: string): Promise<PreferencesView> {
  const rows = await db
    .selectFrom('preferences')
    .select(['category', 'email', 'in_app'])
    .where('user_id', '=', userId)
    .execute()
  const chosen = new Map(rows.map((r) => [r.category, r]))
  const digest = await digestSettings(db, userId)
  return {
    categories: CATEGORY_IDS.map((category) => {
      const d = CATEGORIES[category]
      const row = d.locked ? undefined : chosen.get(category)
      return {
        category,
        label: d.label,
        description: d.description,
        email: row?.email ?? d.email,
        inApp: row?.in_app ?? d.inApp,
        locked: d.locked,
      }
    }),
    digest: { ...digest, effectiveThemes: await effectiveThemes(db, userId, digest.themes) },
  }
}

export interface PreferencesPatch {
  categories?: Partial<Record<Category, { email?: boolean; inApp?: boolean }>>
  digest?: { frequency?: DigestFrequency; themes?: string[] | null }
}

export const LockedCategory = (category: Category) =>
  new FieldsError([{ field: `categories.${category}`, message: 'cannot be turned off' }], {
    status: 422,
    code: 'OSI_NOTIFICATIONS_CATEGORY_LOCKED',
    detail: `Les notifications « ${CATEGORIES[category].label} » ne peuvent pas être désactivées`,
  })

export async function updatePreferences(
  db: DbOrTrx,
  userId: string,
  patch: PreferencesPatch,
): Promise<PreferencesView> {
  for (const [category, change] of Object.entries(patch.categories ?? {}) as Array<
    [Category, { email?: boolean; inApp?: boolean }]
  >) {
    const d = CATEGORIES[category]
    if (d.locked) {
      if (change.email === false || change.inApp === true) throw LockedCategory(category)
      continue
    }
    const current = (await channelsFor(db, [userId], category)).get(userId)!
    const next = { email: change.email ?? current.email, inApp: change.inApp ?? current.inApp }
    await db
      .insertInto('preferences')
      .values({ user_id: userId, category, email: next.email, in_app: next.inApp })
      .onConflict((oc) =>
        oc.columns(['user_id', 'category']).doUpdateSet({
          email: next.email,
          in_app: next.inApp,
          updated_at: sql`now()`,
        }),
      )
      .execute()
  }
  if (patch.digest) {
    const current = await digestSettings(db, userId)
    const frequency = patch.digest.frequency ?? current.frequency
    const themes =
      patch.digest.themes === undefined
        ? current.themes
        : patch.digest.themes === null
          ? null
          : [...new Set(patch.digest.themes)].sort()
    await db
      .insertInto('digest_settings')
      .values({ user_id: userId, frequency, themes: json(themes) })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ frequency, themes: json(themes), updated_at: sql`now()` }),
      )
      .execute()
  }
  return getPreferences(db, userId)
}

/** Turns email off for one category (unsubscribe link). An erased person has nothing left to change. */
export async function unsubscribe(db: DbOrTrx, userId: string, category: Category): Promise<void> {
  if (await isErased(db, userId)) return
  await updatePreferences(db, userId, { categories: { [category]: { email: false } } })
}
