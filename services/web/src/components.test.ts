import { describe, expect, it } from 'vitest'
import { frenchDate } from './components.js'
import { deviceOf } from './routes/account/account.html.js'

describe('words of the pages', () => {
  it('writes dates as French does, in Paris time', () => {
    expect(frenchDate('2026-12-01T13:05:00Z')).toBe('1er décembre 2026 à 14 h 05')
    expect(frenchDate('2026-07-14T08:00:00Z', false)).toBe('14 juillet 2026')
  })

  it('names a device from its User-Agent in plain words', () => {
    expect(deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox sur Windows',
    )
    expect(
      deviceOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari sur iPhone ou iPad')
    expect(deviceOf(null)).toBe('Appareil inconnu')
  })
})
