import { v5 as uuidv5, v7 as uuidv7 } from 'uuid'

export const newId = (): string => uuidv7()

const SEED_NAMESPACE = '6f2d7c0e-3f1a-4b8e-9a51-0c5e2f7b1d90'
/** A stable id for seeded content, derived from its kind and slug (the seed stays idempotent). */
export const seedId = (kind: string, key: string): string => uuidv5(`${kind}:${key}`, SEED_NAMESPACE)

/** A URL-safe slug from a French title: `Le RGPD expliqué` → `le-rgpd-explique`. */
export function slugify(text: string, max = 80): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '')
  return slug || 'ressource'
}
