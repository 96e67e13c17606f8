import { randomBytes } from 'node:crypto'

/** A name nobody else uses: for a test file's schema, stream namespace, durable names. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.toLowerCase()
}
