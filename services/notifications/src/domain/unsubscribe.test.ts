import { describe, expect, it } from 'vitest'
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe.js'

const secret = 'a-secret-of-at-least-thirty-two-characters'
const userId = '0193a000-0000-7000-8000-000000000111'

describe('unsubscribe tokens', () => {
  it('round-trips a person and a category', () => {
    const token = signUnsubscribeToken(secret, userId, 'digest')
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId, category: 'digest' })
  })

  it('refuses tampered, foreign, malformed tokens and locked categories', () => {
    const token = signUnsubscribeToken(secret, userId, 'digest')
    const [p, payload, mac] = token.split('.') as [string, string, string]
    const swap = (text: string) => Buffer.from(text).toString('base64url')
    expect(verifyUnsubscribeToken('another-secret-of-thirty-two-characters!', token)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `${p}.${swap(`${userId}.support`)}.${mac}`)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `${p}.${payload}.${mac.slice(1)}`)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `u2.${payload}.${mac}`)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `${payload}.${mac}`)).toBeNull()
    expect(verifyUnsubscribeToken(secret, '')).toBeNull()
    // Even correctly signed, a locked category or an unknown one is refused.
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, userId, 'auth'))).toBeNull()
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, userId, 'gossip' as never))).toBeNull()
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, 'not-a-uuid', 'digest'))).toBeNull()
  })
})
