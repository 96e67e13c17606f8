import { describe, expect, it } from 'vitest'
import { localLink } from './inbox.js'

describe('a notification’s link', () => {
  it('is followed as a path of this site, never to another site', () => {
    const site = 'http://localhost:3000'
    expect(localLink('http://localhost:3000/aide/demandes/abc?x=1', site)).toBe('/aide/demandes/abc?x=1')
    expect(localLink('/formations/rgpd', site)).toBe('/formations/rgpd')
    expect(localLink('https://ailleurs.example/piege', site)).toBeNull()
    expect(localLink('//ailleurs.example/piege', site)).toBeNull()
    expect(localLink(null, site)).toBeNull()
  })
})
