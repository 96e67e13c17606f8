import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  errors as joseErrors,
} from 'jose'
import { type Kysely, sql } from 'kysely'
import { audit } from './audit.js'
import { decrypt, encrypt, isEncrypted } from './crypto.js'
import type { Database } from './db.js'

export type SigningAlg = 'EdDSA' | 'ES256'

export interface KeyEntry {
  kid: string
  alg: SigningAlg
  publicJwk: JWK
  publicKey: CryptoKey
  privateKey: CryptoKey
  createdAt: Date
  retiredAt: Date | null
  /** After this instant the key is gone from the JWKS and verifies nothing. */
  expiresAt: Date | null
}

export interface KeyStoreOptions {
  /** JWK set (JSON) of private keys managed outside the database (Kubernetes Secret). */
  signingKeys?: string | undefined
  encryptionSecret?: string | undefined
  accessTokenTtlSeconds: number
  retireMarginSeconds: number
  /** How often a running process looks for keys rotated by another process. */
  reloadSeconds?: number
  /** How long a database key may sign before it is due for rotation (see `rotationDue`). */
  rotationSeconds?: number
  now?: () => number
}

export class KeyConfigError extends Error {
  override name = 'KeyConfigError'
}

const algOf = (jwk: JWK): SigningAlg => {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA'
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256'
  throw new KeyConfigError(
    `SIGNING_KEYS: unsupported key type ${jwk.kty}/${jwk.crv ?? '?'} (use Ed25519 or P-256)`,
  )
}

function publicPart(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, key_ops: _ops, ext: _ext, ...pub } = jwk
  return pub
}

/** A fresh Ed25519 signing key. */
export async function generateSigningKey(): Promise<{
  kid: string
  alg: SigningAlg
  privateJwk: JWK
  publicJwk: JWK
}> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  const privateJwk = await exportJWK(privateKey)
  const kid = await calculateJwkThumbprint(publicPart(privateJwk))
  const publicJwk = { ...publicPart(privateJwk), kid, alg: 'EdDSA', use: 'sig' }
  return { kid, alg: 'EdDSA', privateJwk: { ...privateJwk, kid, alg: 'EdDSA' }, publicJwk }
}

/**
 * identity's signing keys: from SIGNING_KEYS (the first signs) or from the `signing_keys` table
 * (private parts encrypted at rest when SIGNING_KEY_ENCRYPTION_SECRET is set). Verification is
 * local: `getKey` is handed to the kit's auth plugin, so identity (and, embedded, every service)
 * checks tokens without any network call.
 */
export class KeyStore {
  private keys: KeyEntry[] = []
  private loadedAt = 0
  private loading: Promise<void> | undefined
  readonly source: 'env' | 'database'
  private readonly now: () => number

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: KeyStoreOptions,
  ) {
    this.source = options.signingKeys ? 'env' : 'database'
    this.now = options.now ?? Date.now
  }

  /** Loads keys; on a database with none, generates the first (once, even with replicas starting together). */
  async init(): Promise<void> {
    if (this.source === 'env') {
      this.keys = await parseKeySet(this.options.signingKeys!)
      this.loadedAt = this.now()
      return
    }
    await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('osinum.identity.signing_keys'))`.execute(trx)
      const active = await trx
        .selectFrom('signing_keys')
        .select('kid')
        .where('retired_at', 'is', null)
        .executeTakeFirst()
      if (!active) await insertKey(trx, await generateSigningKey(), this.options.encryptionSecret)
    })
    await this.reload()
  }

  /** Re-reads the key table (a rotation by another process). */
  reload(): Promise<void> {
    if (this.source === 'env') return Promise.resolve()
    this.loading ??= (async () => {
      try {
        const rows = await this.db
          .selectFrom('signing_keys')
          .selectAll()
          .orderBy('created_at', 'desc')
          .execute()
        const keys: KeyEntry[] = []
        for (const row of rows) {
          if (row.expires_at && row.expires_at.getTime() <= this.now()) continue
          keys.push(await entryFrom(row, this.options.encryptionSecret))
        }
        this.keys = keys
        this.loadedAt = this.now()
      } finally {
        this.loading = undefined
      }
    })()
    return this.loading
  }

  private live(): KeyEntry[] {
    const now = this.now()
    return this.keys.filter((k) => !k.expiresAt || k.expiresAt.getTime() > now)
  }

  /** The key that signs new tokens. */
  async signingKey(): Promise<KeyEntry> {
    const reloadMs = (this.options.reloadSeconds ?? 60) * 1000
    if (this.source === 'database' && this.now() - this.loadedAt >= reloadMs) await this.reload()
    const key = this.live().find((k) => !k.retiredAt)
    if (!key) throw new Error('no active signing key (run the rotate-keys command)')
    return key
  }

  /**
   * When the key that signs now is due for rotation: its creation plus `rotationSeconds`. Keys
   * never expire by themselves (a retired key's `expiresAt` only ends its verification), so this
   * is the deadline operators are alerted on. Null for SIGNING_KEYS (a Secret's keys carry no
   * creation date) or without a rotation period.
   */
  async rotationDue(): Promise<{ kid: string; at: Date } | null> {
    if (this.source === 'env' || !this.options.rotationSeconds) return null
    const key = await this.signingKey()
    return { kid: key.kid, at: new Date(key.createdAt.getTime() + this.options.rotationSeconds * 1000) }
  }

  /** Key resolver for `jwtVerify`: the key named by `kid`, if still published. */
  getKey: JWTVerifyGetKey = async (header) => {
    let key = this.live().find((k) => k.kid === header.kid)
    // A kid we do not know may come from a rotation made by another process: look again (at most once a second).
    if (!key && this.source === 'database' && this.now() - this.loadedAt > 1000) {
      await this.reload()
      key = this.live().find((k) => k.kid === header.kid)
    }
    if (!key || key.alg !== header.alg) throw new joseErrors.JWKSNoMatchingKey()
    return key.publicKey
  }

  /**
   * The public JWK set: every key not yet removed. Re-read at most every few seconds, so that a
   * key rotated by another process is published by every replica before their tokens spread.
   */
  async jwks(): Promise<{ keys: Array<JWK & { kty: string; kid: string; alg: string; use: string }> }> {
    const staleMs = Math.min(this.options.reloadSeconds ?? 60, 5) * 1000
    if (this.source === 'database' && this.now() - this.loadedAt >= staleMs) await this.reload()
    return {
      keys: this.live().map((k) => ({
        ...k.publicJwk,
        kty: k.publicJwk.kty ?? 'OKP',
        kid: k.kid,
        alg: k.alg,
        use: 'sig',
      })),
    }
  }

  /**
   * Rotation: a new key signs from now on; the previous ones stop signing and stay published for
   * the access-token lifetime plus a margin (their tokens keep verifying), then are deleted.
   */
  async rotate(): Promise<{
    kid: string
    retired: Array<{ kid: string; expiresAt: Date }>
    removed: string[]
  }> {
    if (this.source === 'env')
      throw new KeyConfigError(
        'signing keys come from SIGNING_KEYS: rotate them in that secret (add the new key first)',
      )
    const now = new Date(this.now())
    const expiresAt = new Date(
      now.getTime() + (this.options.accessTokenTtlSeconds + this.options.retireMarginSeconds) * 1000,
    )
    const result = await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('osinum.identity.signing_keys'))`.execute(trx)
      const removed = await trx
        .deleteFrom('signing_keys')
        .where('expires_at', '<=', now)
        .returning('kid')
        .execute()
      const retired = await trx
        .updateTable('signing_keys')
        .set({ retired_at: now, expires_at: expiresAt })
        .where('retired_at', 'is', null)
        .returning(['kid', 'expires_at'])
        .execute()
      const key = await generateSigningKey()
      await insertKey(trx, key, this.options.encryptionSecret)
      await audit(trx, {
        actorId: null,
        action: 'keys.rotated',
        targetType: 'signing-key',
        targetId: key.kid,
        data: { retired: retired.map((r) => r.kid), removed: removed.map((r) => r.kid) },
      })
      return {
        kid: key.kid,
        retired: retired.map((r) => ({ kid: r.kid, expiresAt: r.expires_at! })),
        removed: removed.map((r) => r.kid),
      }
    })
    await this.reload()
    return result
  }
}

async function insertKey(
  db: Kysely<Database>,
  key: Awaited<ReturnType<typeof generateSigningKey>>,
  secret: string | undefined,
): Promise<void> {
  const privateJson = JSON.stringify(key.privateJwk)
  await db
    .insertInto('signing_keys')
    .values({
      kid: key.kid,
      alg: key.alg,
      public_jwk: JSON.stringify(key.publicJwk) as never,
      private_jwk: secret ? encrypt(privateJson, secret) : privateJson,
      retired_at: null,
      expires_at: null,
    })
    .execute()
}

async function entryFrom(
  row: {
    kid: string
    alg: string
    public_jwk: unknown
    private_jwk: string
    created_at: Date
    retired_at: Date | null
    expires_at: Date | null
  },
  secret: string | undefined,
): Promise<KeyEntry> {
  let privateJson = row.private_jwk
  if (isEncrypted(privateJson)) {
    if (!secret)
      throw new KeyConfigError(
        'signing keys are encrypted in the database: set SIGNING_KEY_ENCRYPTION_SECRET to the secret they were encrypted with',
      )
    try {
      privateJson = decrypt(privateJson, secret)
    } catch {
      throw new KeyConfigError('SIGNING_KEY_ENCRYPTION_SECRET does not decrypt the stored signing keys')
    }
  }
  const alg = row.alg as SigningAlg
  const publicJwk = (typeof row.public_jwk === 'string' ? JSON.parse(row.public_jwk) : row.public_jwk) as JWK
  return {
    kid: row.kid,
    alg,
    publicJwk,
    publicKey: (await importJWK(publicJwk, alg)) as CryptoKey,
    privateKey: (await importJWK(JSON.parse(privateJson) as JWK, alg)) as CryptoKey,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
    expiresAt: row.expires_at,
  }
}

/** Parses SIGNING_KEYS: `{"keys":[…]}` or `[…]` of private JWKs; the first one signs. */
export async function parseKeySet(text: string): Promise<KeyEntry[]> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new KeyConfigError('SIGNING_KEYS is not valid JSON (expected a JWK set)')
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys
  if (!Array.isArray(list) || list.length === 0)
    throw new KeyConfigError('SIGNING_KEYS must be a JWK set with at least one private key')
  const entries: KeyEntry[] = []
  for (const [i, raw] of list.entries()) {
    const jwk = raw as JWK
    if (!jwk.d) throw new KeyConfigError(`SIGNING_KEYS: key #${i} has no private part ("d")`)
    const alg = algOf(jwk)
    const pub = publicPart(jwk)
    const kid = jwk.kid ?? (await calculateJwkThumbprint(pub))
    entries.push({
      kid,
      alg,
      publicJwk: { ...pub, kid, alg, use: 'sig' },
      publicKey: (await importJWK(pub, alg)) as CryptoKey,
      privateKey: (await importJWK(jwk, alg)) as CryptoKey,
      createdAt: new Date(0),
      // Only the first key signs; the others are published for verification.
      retiredAt: i === 0 ? null : new Date(0),
      expiresAt: null,
    })
  }
  return entries
}
