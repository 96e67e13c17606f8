/**
 * Free / open licences (SPDX ids) approved by the OSI or recognised as free by the FSF, plus the
 * open-data licences of data commons (ODbL, Licence Ouverte). A tool is "libre" when its licence
 * expression is satisfied by this list.
 */
const FREE_LICENCE_IDS = [
  '0BSD',
  'AFL-3.0',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'Apache-1.1',
  'Apache-2.0',
  'APSL-2.0',
  'Artistic-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BSL-1.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'CDDL-1.0',
  'CECILL-2.1',
  'CECILL-B',
  'CECILL-C',
  'ECL-2.0',
  'EPL-1.0',
  'EPL-2.0',
  'etalab-2.0',
  'EUPL-1.1',
  'EUPL-1.2',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'ISC',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MPL-1.1',
  'MPL-2.0',
  'MS-PL',
  'ODbL-1.0',
  'OFL-1.1',
  'OSL-3.0',
  'PostgreSQL',
  'Python-2.0',
  'Unlicense',
  'UPL-1.0',
  'W3C',
  'X11',
  'Zlib',
  'ZPL-2.1',
  // Seed convention: an operating-system distribution aggregating free licences (Debian, Ubuntu…).
  'LicenseRef-Multiple',
]
/** Canonical spelling of the SPDX ids this catalogue knows, by lower-case id. */
const CANONICAL = new Map(
  [...FREE_LICENCE_IDS, 'LicenseRef-Proprietary', 'NOASSERTION'].map((id) => [id.toLowerCase(), id]),
)
export const FREE_LICENCES = new Set(FREE_LICENCE_IDS.map((l) => l.toLowerCase()))

/** SPDX id or expression: ids, `WITH` exceptions, `AND`/`OR`, parentheses. */
export const LICENCE_PATTERN = '^[A-Za-z0-9.+\\-]+( (AND|OR|WITH) [A-Za-z0-9.+\\-]+)*$'

/** Whether a licence expression is free: `A OR B` needs one free side, `A AND B` both. */
export function isFreeLicence(expression: string): boolean {
  const e = expression.replace(/[()]/g, ' ').trim()
  if (/\sOR\s/.test(e)) return e.split(/\s+OR\s+/).some(isFreeLicence)
  if (/\sAND\s/.test(e)) return e.split(/\s+AND\s+/).every(isFreeLicence)
  const id = e
    .split(/\s+WITH\s+/)[0]!
    .trim()
    .toLowerCase()
  return FREE_LICENCES.has(id) || FREE_LICENCES.has(id.replace(/\+$/, '-or-later'))
}

/** Free-text licence names seen in public exports (Comptoir du Libre) mapped to SPDX ids. */
const ALIASES: Array<[RegExp, string]> = [
  [/^(gnu )?a(ffero )?gpl ?v?3(\.0)?( or later|\+| ou ultérieure)$/i, 'AGPL-3.0-or-later'],
  [/^(gnu )?a(ffero )?gpl ?v?3(\.0)?$/i, 'AGPL-3.0-only'],
  [/^(gnu )?gpl ?v?2(\.0)?( or later|\+| ou ultérieure)$/i, 'GPL-2.0-or-later'],
  [/^(gnu )?gpl ?v?2(\.0)?$/i, 'GPL-2.0-only'],
  [/^(gnu )?gpl ?v?3(\.0)?( or later|\+| ou ultérieure)$/i, 'GPL-3.0-or-later'],
  [/^(gnu )?gpl ?v?3(\.0)?$/i, 'GPL-3.0-only'],
  [/^(gnu )?lgpl ?v?2\.1$/i, 'LGPL-2.1-only'],
  [/^(gnu )?lgpl ?v?3(\.0)?$/i, 'LGPL-3.0-only'],
  [/^apache( license)?( ?v?2(\.0)?)?$/i, 'Apache-2.0'],
  [/^mpl ?v?2(\.0)?$/i, 'MPL-2.0'],
  [/^(the )?mit( license)?$/i, 'MIT'],
  [/^bsd$/i, 'BSD-3-Clause'],
  [/^cecill[- ]?v?2\.1$/i, 'CECILL-2.1'],
  [/^cecill[- ]?b$/i, 'CECILL-B'],
  [/^cecill[- ]?c$/i, 'CECILL-C'],
  [/^eupl ?v?1\.2$/i, 'EUPL-1.2'],
]

/**
 * Normalises a licence as found in an import to an SPDX id (or expression). Returns `null` when
 * the text is neither SPDX-shaped nor a known alias: the importer records it as NOASSERTION and reports it.
 */
export function normaliseLicence(text: string): string | null {
  const trimmed = text.trim()
  const canonical = CANONICAL.get(trimmed.toLowerCase())
  if (canonical) return canonical
  for (const [pattern, id] of ALIASES) if (pattern.test(trimmed)) return id
  if (new RegExp(LICENCE_PATTERN).test(trimmed) && /[-.\d]|\s(AND|OR|WITH)\s/.test(trimmed)) return trimmed
  return null
}
