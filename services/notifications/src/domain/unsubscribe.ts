import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { isUuid } from '@osinum/contracts'
import { CATEGORIES, type Category } from './categories.js'
import type { DbOrTrx } from './db.js'

const PREFIX = 'u1'

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`osinum-unsubscribe:${PREFIX}:${payload}`).digest()
}

/** `u1.<base64url(userId.category)>.<base64url(HMAC-SHA256)>`: works without logging in, cannot be forged. */
export function signUnsubscribeToken(secret: string, userId: string, category: Category): string {
  const payload = Buffer.from(`${userId}.${category}`).toString('base64url')
  return `${PREFIX}.${payload}.${mac(secret, payload).toString('base64url')}`
}

/** The user and category of a valid token, or null (tampered, wrong secret, locked category…). */
export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; category: Category } | null {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== PREFIX) return null
  const [, payload, signature] = parts as [string, string, string]
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return null
  const expected = mac(secret, payload)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const [userId, category, ...rest] = Buffer.from(payload, 'base64url').toString('utf8').split('.')
  if (rest.length || !userId || !isUuid(userId) || !category || !Object.hasOwn(CATEGORIES, category))
    return null
  if (CATEGORIES[category as Category].locked) return null
  return { userId: userId.toLowerCase(), category: category as Category }
}

const SETTING = 'unsubscribe_secret'

/**
 * The HMAC key of unsubscribe links: `UNSUBSCRIBE_SECRET`, or (embedded mode only) one generated
 * once and kept in the service's database so links survive restarts. Loaded at start (outside any
 * transaction, so a rolled-back consumer can never leave a key in memory that the database lacks).
 */
export class UnsubscribeSecret {
  private current: string | undefined
  constructor(configured: string | undefined) {
    this.current = configured
  }

  async load(db: DbOrTrx): Promise<void> {
    if (this.current) return
    await db
      .insertInto('settings')
      .values({ key: SETTING, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SETTING)
      .executeTakeFirstOrThrow()
    this.current = row.value
  }

  get value(): string {
    if (!this.current) throw new Error('unsubscribe secret not loaded yet')
    return this.current
  }
}
