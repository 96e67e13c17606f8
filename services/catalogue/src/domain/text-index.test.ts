import { describe, expect, it } from 'vitest'
import { osaDistance, stem, TextIndex } from './text-index.js'

const index = new TextIndex([
  { id: 'a', name: 'Jitsi Meet', secondary: ['Visioconférence sans compte'], description: '' },
  { id: 'b', name: 'KeePassXC', secondary: ['Gestionnaire de mots de passe'], description: '' },
  { id: 'c', name: 'Firefox', secondary: ['Navigateur web'], description: 'Un navigateur libre.' },
])

describe('in-memory text index', () => {
  it('counts a transposition as one edit and stops early past the bound', () => {
    expect(osaDistance('visoi', 'visio', 2)).toBe(1)
    expect(osaDistance('nextclod', 'nextcloud', 2)).toBe(1)
    expect(osaDistance('firewall', 'firefox', 2)).toBe(3)
  })

  it('stems plurals and feminine forms alike in text and query', () => {
    expect(stem('partagees')).toBe(stem('partage'))
    expect(stem('sondages')).toBe(stem('sondage'))
  })

  it('splits a concatenation into known words', () => {
    expect(index.split('motdepasse')).toBe('mot de passe')
    expect(index.split('firewall')).toBeNull()
  })

  it('finds by prefix, by typo and by phrase, and finds nothing for an unknown word', () => {
    expect([...index.match('jits').keys()]).toEqual(['a'])
    expect([...index.match('firefix').keys()]).toEqual(['c'])
    expect([...index.match('motdepasse').keys()]).toEqual(['b'])
    expect(index.match('firewall').size).toBe(0)
    // Relaxed only when every part means something: "navigateur civil" finds nothing.
    expect(index.match('navigateur civil').size).toBe(0)
    expect([...index.match('navigateur jitsi').keys()].sort()).toEqual(['a', 'c'])
  })
})
