import type { FastifyRequest } from 'fastify'

/** A text field of a submitted form (urlencoded body) or of the query string, trimmed. */
export function textOf(source: unknown, name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value.trim() : ''
}

export const bodyText = (request: FastifyRequest, name: string) => textOf(request.body, name)
export const queryText = (request: FastifyRequest, name: string) => textOf(request.query, name)

/** Where to go after signing in: only a path of this site (never `//host` or `https://…`). */
export function safeReturn(value: string, fallback = '/tableau-de-bord'): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback
}
