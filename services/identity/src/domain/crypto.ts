import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'

/** A random opaque token (256 bits, base64url), prefixed so that a leaked one is recognisable. */
export function randomToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

/** Tokens are stored as their SHA-256: a database leak gives nobody a usable token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const PREFIX = 'enc:v1:'

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'osinum-identity', 'signing-key-encryption', 32))
}

/** AES-256-GCM with a key derived (HKDF) from the secret; output `enc:v1:<iv>.<tag>.<ciphertext>`. */
export function encrypt(plain: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`
}

export const isEncrypted = (value: string) => value.startsWith(PREFIX)

export function decrypt(value: string, secret: string): string {
  const [iv, tag, data] = value.slice(PREFIX.length).split('.')
  if (!iv || !tag || !data) throw new Error('malformed encrypted value')
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}

/** Normalised email: trimmed, lower case (the domain is case-insensitive; so, in practice, is the local part). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}
