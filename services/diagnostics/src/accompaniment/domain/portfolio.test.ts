import { describe, expect, it } from 'vitest'
import { aggregatePortfolio, csvCell, portfolioCsv } from './portfolio.js'

const labels = { rules: new Map([['r1', 'Règle, une']]), trainingWishes: new Map([['gdpr', 'Le RGPD']]) }

describe('aggregatePortfolio (pure)', () => {
  it('counts a collectivité once even when it is listed twice or repeats a gap', () => {
    const p = aggregatePortfolio(
      [
        {
          organisationId: 'a',
          departement: '01',
          populationBracket: 'under-500',
          weakThemes: ['email', 'email'],
          ruleIds: ['r1'],
          trainingWishes: ['gdpr'],
        },
        {
          organisationId: 'a',
          departement: '01',
          populationBracket: 'under-500',
          weakThemes: ['email'],
          ruleIds: ['r1'],
          trainingWishes: ['gdpr'],
        },
        {
          organisationId: 'b',
          departement: null,
          populationBracket: null,
          weakThemes: [],
          ruleIds: ['r1'],
          trainingWishes: ['none'],
        },
      ],
      labels,
    )
    expect(p.collectivites).toBe(2)
    expect(p.gaps.map((g) => [g.kind, g.id, g.count, g.label])).toEqual([
      ['rule', 'r1', 2, 'Règle, une'],
      ['weak-theme', 'email', 1, 'Messagerie'],
      ['training-wish', 'gdpr', 1, 'Le RGPD'],
    ])
    expect(p.byDepartement).toEqual([
      { key: '01', count: 1 },
      { key: 'unknown', count: 1 },
    ])
    expect(p.gaps[0]!.share).toBe(1)
  })
})

describe('portfolio CSV', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-3)).toBe('-3')
  })

  it('starts with a BOM and a header, one CRLF line per gap', () => {
    const csv = portfolioCsv(
      aggregatePortfolio(
        [
          {
            organisationId: 'a',
            departement: '2A',
            populationBracket: '500-999',
            weakThemes: ['gdpr'],
            ruleIds: [],
            trainingWishes: [],
          },
        ],
        labels,
      ),
    )
    expect(
      csv.startsWith(
        '\uFEFFtype,type_libelle,id,libelle,collectivites,part,tranche_500-999,departement_2A\r\n',
      ),
    ).toBe(true)
    expect(csv).toContain('weak-theme,Thème faible,gdpr,RGPD et données personnelles,1,1,1,1\r\n')
  })
})
