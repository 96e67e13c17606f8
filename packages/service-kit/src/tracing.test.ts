import { describe, expect, it } from 'vitest'
import { cleanAttributes, withoutLiterals, withoutQuery } from './tracing.js'

describe('what an exported span may carry', () => {
  it('keeps the path of a URL without its query string or fragment', () => {
    expect(withoutQuery('/v1/unsubscribe?token=abc#x')).toBe('/v1/unsubscribe')
    expect(withoutQuery('https://osinum.test/v1/auth/oidc/callback?code=c&state=s')).toBe(
      'https://osinum.test/v1/auth/oidc/callback',
    )
  })

  it('replaces SQL literals and keeps placeholders and identifiers', () => {
    expect(withoutLiterals(`select * from "t1" where token_hash = 'abc''d' and n > 42 and id = $1`)).toBe(
      `select * from "t1" where token_hash = ? and n > ? and id = $1`,
    )
  })

  it('drops query strings, SQL parameters and credential-named attributes', () => {
    const attributes: Record<string, unknown> = {
      'url.full': 'http://x/v1/auth/magic-link/verify?token=secret',
      'url.query': 'token=secret',
      'db.postgresql.values': ['secret'],
      'http.request.header.authorization': 'Bearer secret',
      'exception.message': 'GET /v1/invitations/accept?token=secret failed',
      'http.response.status_code': 200,
    }
    cleanAttributes(attributes as never)
    expect(JSON.stringify(attributes)).not.toContain('secret')
    expect(attributes['url.full']).toBe('http://x/v1/auth/magic-link/verify')
    expect(attributes['http.response.status_code']).toBe(200)
  })
})
