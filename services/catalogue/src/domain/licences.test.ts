import { describe, expect, it } from 'vitest'
import { isFreeLicence, normaliseLicence, normaliseLicenceText } from './licences.js'

describe('licences', () => {
  it('maps the deprecated GNU ids of the 2022 SILL file to -only / -or-later, as SPDX says', () => {
    expect(normaliseLicence('GPL-3.0')).toBe('GPL-3.0-only')
    expect(normaliseLicence('AGPL-3.0')).toBe('AGPL-3.0-only')
    expect(normaliseLicence('GPL-2.0')).toBe('GPL-2.0-only')
    expect(normaliseLicence('LGPL-2.0')).toBe('LGPL-2.0-only')
    expect(normaliseLicence('LGPL-2.1')).toBe('LGPL-2.1-only')
    expect(normaliseLicence('GPL-2.0+')).toBe('GPL-2.0-or-later')
    expect(normaliseLicence('GPL-3.0+')).toBe('GPL-3.0-or-later')
    expect(normaliseLicence('AGPL-3')).toBe('AGPL-3.0-only')
    expect(normaliseLicence('GPL V2.0')).toBe('GPL-2.0-only')
    expect(normaliseLicence('LGPL-v2.1')).toBe('LGPL-2.1-only')
    expect(normaliseLicence('GNU GPL v3')).toBe('GPL-3.0-only')
    expect(normaliseLicence('AGPL v3+')).toBe('AGPL-3.0-or-later')
  })

  it('keeps valid SPDX ids and expressions, in their canonical spelling', () => {
    expect(normaliseLicence('LGPL-2.0-only')).toBe('LGPL-2.0-only')
    expect(normaliseLicence('mpl-2.0')).toBe('MPL-2.0')
    expect(normaliseLicence('CeCILL-2.1')).toBe('CECILL-2.1')
    expect(normaliseLicence('LiLiQ-R-1.1')).toBe('LiLiQ-R-1.1')
    expect(normaliseLicence('Apache License 2.0')).toBe('Apache-2.0')
    expect(normaliseLicence('MIT OR Apache-2.0')).toBe('MIT OR Apache-2.0')
    expect(normaliseLicence('GPL-2.0 OR MIT')).toBe('GPL-2.0-only OR MIT')
  })

  it('reads a list of licences as all of them (AND) and says it is a list', () => {
    expect(normaliseLicenceText('LGPL-3.0, GPL-3.0, MPL-2.0')).toEqual({
      expression: 'LGPL-3.0-only AND GPL-3.0-only AND MPL-2.0',
      list: true,
    })
    expect(normaliseLicence('MPL 2.0 et EPL 1.0')).toBe('MPL-2.0 AND EPL-1.0')
    expect(normaliseLicence('GPL-2.0-only / LGPL-2.0-only')).toBe('GPL-2.0-only AND LGPL-2.0-only')
  })

  it('does not guess a licence from a word that names none', () => {
    for (const text of ['N/A', 'CPA', 'GNU', 'Freeware maison', '', 'CeCILL-2.2'])
      expect(normaliseLicence(text)).toBeNull()
  })

  it('derives free / non-free from the OSI and FSF lists', () => {
    for (const free of [
      'AGPL-3.0-only',
      'GPL-2.0-only',
      'GPL-3.0-only',
      'LGPL-2.0-only',
      'GPL-2.0+',
      'EPL-1.0',
      'CECILL-B',
      'X11',
      'OLDAP-2.8',
      'MIT OR LicenseRef-Proprietary',
      'LGPL-3.0-only AND GPL-3.0-only AND MPL-2.0',
      'GPL-2.0-or-later WITH Classpath-exception-2.0',
    ])
      expect([free, isFreeLicence(free)]).toEqual([free, true])
    for (const nonFree of [
      'LicenseRef-Proprietary',
      'NOASSERTION',
      'MIT AND LicenseRef-Proprietary',
      'BUSL-1.1',
    ])
      expect([nonFree, isFreeLicence(nonFree)]).toEqual([nonFree, false])
  })
})
