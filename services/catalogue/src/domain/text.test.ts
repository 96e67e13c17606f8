import { markdownToText, renderMarkdown } from '@osinum/markdown'
import { describe, expect, it } from 'vitest'
import { isFreeLicence, normaliseLicence } from './licences.js'
import { normalise, parseQuery, slugify, toTsQuery, withCorrections } from './text.js'

describe('French query parsing', () => {
  it('normalises case, accents, ligatures and punctuation', () => {
    expect(normalise('  Vidéo-Conférence, ŒUVRE & Cœur !')).toBe('video conference oeuvre coeur')
    expect(slugify('Démarches Simplifiées (DS)')).toBe('demarches-simplifiees-ds')
  })

  it('turns a known phrase into its whole synonym class, whatever the spelling', () => {
    for (const q of ['visio', 'vidéo conférence', 'Visioconférence', 'réunions à distance', 'webinaires']) {
      const [group, ...rest] = parseQuery(q)
      expect(rest, q).toEqual([])
      const flat = group!.alternatives.map((a) => a.join(' '))
      expect(flat, q).toEqual(expect.arrayContaining(['visioconference', 'visio', 'videoconference']))
    }
    const agenda = parseQuery('agenda partagé')
    expect(agenda).toHaveLength(1)
    expect(agenda[0]!.alternatives.map((a) => a.join(' '))).toEqual(
      expect.arrayContaining(['agenda', 'calendrier', 'caldav']),
    )
  })

  it('keeps other words as prefixes that spelling correction may extend', () => {
    const groups = parseQuery('le nextclod de la mairie')
    expect(groups.map((g) => g.typed)).toEqual(['nextclod', 'mairie'])
    expect(groups[0]).toMatchObject({ prefix: true, correctable: true })
    const corrected = withCorrections(groups, new Map([['nextclod', ['nextcloud']]]))
    expect(toTsQuery(corrected)).toBe('(nextclod:* | nextcloud) & mairie:*')
    // A correction that is a known synonym brings its class.
    const visio = withCorrections(
      parseQuery('visioconferance'),
      new Map([['visioconferance', ['visioconference']]]),
    )
    expect(toTsQuery(visio)).toContain('videoconference')
  })

  it('always produces a well-formed tsquery (operands are letters and digits only)', () => {
    for (const q of ["l'agenda & (partagé) | !", 'a:* <-> b', '"; drop table tools; --', '   ']) {
      const ts = toTsQuery(parseQuery(q))
      expect(ts).toMatch(/^[a-z0-9:*|&()<\->\s]*$/)
      expect(ts).not.toMatch(/drop table/)
    }
    expect(toTsQuery(parseQuery('de la'))).toBe('')
  })
})

describe('licences', () => {
  it('derives the free-software flag from the SPDX expression', () => {
    expect(isFreeLicence('AGPL-3.0-or-later')).toBe(true)
    expect(isFreeLicence('GPL-2.0+')).toBe(true)
    expect(isFreeLicence('LicenseRef-Proprietary')).toBe(false)
    expect(isFreeLicence('MIT OR LicenseRef-Proprietary')).toBe(true)
    expect(isFreeLicence('MIT AND LicenseRef-Proprietary')).toBe(false)
    expect(isFreeLicence('NOASSERTION')).toBe(false)
  })

  it('normalises the free-text licences of public exports', () => {
    expect(normaliseLicence('GNU GPL v3')).toBe('GPL-3.0-only')
    expect(normaliseLicence('AGPL v3+')).toBe('AGPL-3.0-or-later')
    expect(normaliseLicence('mpl-2.0')).toBe('MPL-2.0')
    expect(normaliseLicence('Apache License 2.0')).toBe('Apache-2.0')
    expect(normaliseLicence('LiLiQ-R-1.1')).toBe('LiLiQ-R-1.1')
    expect(normaliseLicence('Freeware maison')).toBeNull()
  })
})

describe('Markdown', () => {
  it('renders formatting and drops anything executable', () => {
    const html = renderMarkdown(
      '# Titre\n\n**gras** <script>x</script> [lien](https://a.example) [mal](javascript:alert(1))',
    )
    expect(html).toContain('<h2>Titre</h2>')
    expect(html).toContain('<strong>gras</strong>')
    expect(html).toContain('<a href="https://a.example" rel="nofollow noopener noreferrer">lien</a>')
    expect(html).not.toMatch(/script|javascript/)
    expect(markdownToText('**Gras** & <em>texte</em>')).toBe('Gras & texte')
  })
})
