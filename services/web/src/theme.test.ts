import { describe, expect, it } from 'vitest'
import { AA_CONTRAST, accessiblePrimary, contrast, DEFAULT_PRIMARY, parseHex, themeOf } from './theme.js'

const WHITE = parseHex('#ffffff')!

describe('operator theme', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast(parseHex('#000000')!, WHITE)).toBeCloseTo(21, 5)
    expect(contrast(WHITE, WHITE)).toBeCloseTo(1, 5)
    expect(contrast(parseHex('#767676')!, WHITE)).toBeCloseTo(4.54, 2)
  })

  it.each([
    '#ffff00', // yellow: far too light
    '#00ff00',
    '#ffffff',
    '#f0a', // short form
    '#87ceeb',
    '#1d4ed8', // already dark enough: kept
    '#000000',
  ])('makes white text on %s (and it on white) reach 4.5:1, whatever the operator picked', (color) => {
    const primary = accessiblePrimary(color)
    expect(contrast(parseHex(primary)!, WHITE)).toBeGreaterThanOrEqual(AA_CONTRAST)
  })

  it('keeps a colour that already passes, and its hue when darkening', () => {
    expect(accessiblePrimary('#1d4ed8')).toBe('#1d4ed8')
    const [r, g, b] = parseHex(accessiblePrimary('#ff8800'))!
    expect(r).toBeGreaterThan(g)
    expect(b).toBe(0)
  })

  it('falls back on the default colour for a missing or malformed one', () => {
    for (const color of [null, undefined, '', 'red', '#12345', 'url(javascript:x)'])
      expect(accessiblePrimary(color)).toBe(accessiblePrimary(DEFAULT_PRIMARY))
  })

  it('gives a light tint on which dark text stays readable', () => {
    const { primaryTint } = themeOf('#ffff00')
    expect(contrast(parseHex(primaryTint)!, parseHex('#1b1b1b')!)).toBeGreaterThan(12)
  })
})
