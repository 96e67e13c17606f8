import { describe, expect, it } from 'vitest'
import { digestBoundary, parisInstant } from './digests.js'

describe('digest periods (Europe/Paris)', () => {
  it('finds the instant of a Paris wall-clock hour in winter and in summer', () => {
    expect(parisInstant(2026, 1, 12, 8).toISOString()).toBe('2026-01-12T07:00:00.000Z')
    expect(parisInstant(2026, 7, 13, 8).toISOString()).toBe('2026-07-13T06:00:00.000Z')
  })

  it('sends daily digests from 8:00 for what arrived before, and weekly ones from Monday 8:00', () => {
    // Wednesday 14 January 2026, 07:30 Paris: today's boundary is not reached, yesterday's applies.
    expect(digestBoundary('daily', new Date('2026-01-14T06:30:00Z'), 8)).toEqual({
      at: new Date('2026-01-13T07:00:00Z'),
      key: 'daily:2026-01-13',
    })
    expect(digestBoundary('daily', new Date('2026-01-14T07:30:00Z'), 8).key).toBe('daily:2026-01-14')
    // Any day of the week points at that week's Monday…
    expect(digestBoundary('weekly', new Date('2026-01-14T12:00:00Z'), 8)).toEqual({
      at: new Date('2026-01-12T07:00:00Z'),
      key: 'weekly:2026-01-12',
    })
    // …except Monday before 8:00, which still belongs to the previous week.
    expect(digestBoundary('weekly', new Date('2026-01-12T06:00:00Z'), 8).key).toBe('weekly:2026-01-05')
    expect(digestBoundary('weekly', new Date('2026-01-12T07:00:00Z'), 8).key).toBe('weekly:2026-01-12')
  })
})
