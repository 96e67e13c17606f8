import { createRequire } from 'node:module'
import spdxCorrect from 'spdx-correct'
import parseSpdx from 'spdx-expression-parse'

const require = createRequire(import.meta.url)
const spdxIds: string[] = require('spdx-license-ids')
const deprecatedIds: string[] = require('spdx-license-ids/deprecated.json')
const spdxList: Record<string, { osiApproved?: boolean }> = require('spdx-license-list')

/**
 * Licences by the book: SPDX ids and expressions parsed with `spdx-expression-parse`, spellings
 * corrected with `spdx-correct`, the list of ids from `spdx-license-ids` and the OSI approval
 * from `spdx-license-list` (the SPDX list's `isOsiApproved`). A tool is "libre" when its
 * expression is satisfied by free licences: `A OR B` needs one free side, `A AND B` both.
 */

/**
 * Free licences that the OSI has not approved: recognised as free by the FSF (the SPDX list's
 * `isFsfLibre`, gnu.org/licenses/license-list) or open licences of data and content commons.
 */
const FREE_NOT_OSI = [
  'AGPL-1.0',
  'Apache-1.0',
  'BSD-4-Clause',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'CECILL-B',
  'CECILL-C',
  'ClArtistic',
  'etalab-2.0',
  'FTL',
  'GPL-1.0-or-later',
  'IJG',
  'Imlib2',
  'ODbL-1.0',
  'OLDAP-2.7',
  'Ruby',
  'Vim',
  'WTFPL',
  'X11',
  'Zlib',
  // Seed convention: an operating-system distribution aggregating free licences (Debian, Ubuntu…).
  'LicenseRef-Multiple',
]
const FREE = new Set([
  ...Object.entries(spdxList)
    .filter(([, l]) => l.osiApproved)
    .map(([id]) => id.toLowerCase()),
  ...FREE_NOT_OSI.map((id) => id.toLowerCase()),
])
/** Canonical spelling of every SPDX id (and ours), by lower-case id. */
const CANONICAL = new Map(
  [...spdxIds, ...FREE_NOT_OSI, 'LicenseRef-Proprietary', 'NOASSERTION'].map((id) => [id.toLowerCase(), id]),
)
const DEPRECATED = new Set(deprecatedIds.map((id) => id.toLowerCase()))

/** Whether a licence id (not an expression) is free; `GPL-2.0+` counts as `GPL-2.0-or-later`. */
export function isFreeLicenceId(id: string): boolean {
  const lower = id.toLowerCase()
  return FREE.has(lower) || FREE.has(lower.replace(/\+$/, '')) || FREE.has(lower.replace(/\+$/, '-or-later'))
}

type Node = { license: string; plus?: boolean } | { left: Node; conjunction: 'and' | 'or'; right: Node }
function freeNode(node: Node): boolean {
  if ('license' in node) return isFreeLicenceId(node.license)
  return node.conjunction === 'or'
    ? freeNode(node.left) || freeNode(node.right)
    : freeNode(node.left) && freeNode(node.right)
}

/** SPDX id or expression: ids, `WITH` exceptions, `AND`/`OR`, parentheses. */
export const LICENCE_PATTERN = '^[A-Za-z0-9.+\\-()]+( (AND|OR|WITH) [A-Za-z0-9.+\\-()]+)*$'

/** Whether a licence expression is free (NOASSERTION, proprietary or unparsable: not free). */
export function isFreeLicence(expression: string): boolean {
  try {
    return freeNode(parseSpdx(expression) as Node)
  } catch {
    return false
  }
}

/**
 * GNU licences written without `-only` / `-or-later` (SPDX deprecated them: `GPL-3.0` is
 * `GPL-3.0-only`, `GPL-3.0+` is `GPL-3.0-or-later`) and their free-text spellings
 * ("GNU GPL v3", "AGPL-3", "LGPL-v2.1", "GPL V2.0").
 */
const GNU =
  /^(?:gnu )?(a(?:ffero )?|l(?:esser )?|)(?:gpl|general public licen[cs]e) ?-?v?(\d)(?:\.(\d))?(\+| or later| or-later| ou ultérieure| ou plus récente|-or-later|-only)?$/i
function gnuLicence(text: string): string | null {
  const m = GNU.exec(text.trim())
  if (!m) return null
  const family = m[1] ? (m[1][0]!.toLowerCase() === 'a' ? 'AGPL' : 'LGPL') : 'GPL'
  const version = `${m[2]}.${m[3] ?? (family === 'LGPL' && m[2] === '2' ? '0' : '0')}`
  const later = m[4] && !/only/i.test(m[4])
  const id = `${family}-${version}-${later ? 'or-later' : 'only'}`
  return CANONICAL.get(id.toLowerCase()) ?? null
}

/** Free-text names seen in public exports (SILL, Comptoir du Libre) that no library corrects. */
const ALIASES: Array<[RegExp, string]> = [
  [/^apache( license)?( ?v?2(\.0)?)?$/i, 'Apache-2.0'],
  [/^(the )?mit( license)?$/i, 'MIT'],
  [/^bsd[- ]?3([.-]0|[- ]clause)?$/i, 'BSD-3-Clause'],
  [/^bsd[- ]?2([.-]0|[- ]clause)?$/i, 'BSD-2-Clause'],
  [/^cecill[- ]?v?2\.1$/i, 'CECILL-2.1'],
  [/^cecill[- ]?b$/i, 'CECILL-B'],
  [/^cecill[- ]?c$/i, 'CECILL-C'],
  [/^eupl[- ]?v?1\.2$/i, 'EUPL-1.2'],
  [/^licence ouverte( 2\.0)?$/i, 'etalab-2.0'],
]

const digits = (s: string) => s.replace(/\D/g, '').replace(/0+$/, '')

/** One licence id from a piece of text, or null. */
function licenceId(text: string): string | null {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  if (!trimmed) return null
  const gnu = gnuLicence(trimmed)
  if (gnu) return gnu
  const canonical = CANONICAL.get(trimmed.toLowerCase())
  if (canonical && !DEPRECATED.has(trimmed.toLowerCase())) return canonical
  for (const [pattern, id] of ALIASES) if (pattern.test(trimmed)) return id
  // spdx-correct guesses boldly ("LGPL-v2.1" → LGPL-3.0, "GNU" → GPL-3.0): a correction is kept only
  // when it keeps the version the text gave.
  const corrected = spdxCorrect(trimmed, { upgrade: true })
  if (corrected && digits(corrected) === digits(trimmed) && /\d/.test(trimmed) === /\d/.test(corrected))
    return gnuLicence(corrected) ?? corrected
  return canonical ?? null
}

export interface NormalisedLicence {
  /** SPDX expression, or null when the text names no known licence. */
  expression: string | null
  /** The text was a list ("LGPL-3.0, GPL-3.0, MPL-2.0"): read as AND, to be checked. */
  list: boolean
}

/**
 * Normalises a licence as found in an import: an SPDX expression is kept (ids canonicalised,
 * deprecated ones replaced), a free-text id corrected, a list of licences ("A, B", "A / B",
 * "A et B") read as `A AND B` (every part must be free: the safe reading). Returns a null
 * expression when a part is not a licence ("N/A", "CPA"): the importer records NOASSERTION.
 */
export function normaliseLicenceText(text: string): NormalisedLicence {
  const trimmed = text.trim()
  if (!trimmed) return { expression: null, list: false }
  try {
    const tree = parseSpdx(trimmed) as Node
    const fix = (n: Node): string =>
      'license' in n
        ? `${licenceId(n.plus ? `${n.license}+` : n.license) ?? n.license}`
        : `${wrap(n.left, n.conjunction)} ${n.conjunction.toUpperCase()} ${wrap(n.right, n.conjunction)}`
    const wrap = (n: Node, parent: string) =>
      'license' in n || n.conjunction === parent ? fix(n) : `(${fix(n)})`
    const withException = /\sWITH\s/i.test(trimmed)
    if (!withException) return { expression: fix(tree), list: false }
  } catch {
    // not an SPDX expression: read below
  }
  const single = licenceId(trimmed)
  if (single) return { expression: single, list: false }
  const parts = trimmed.split(/\s*(?:,|;|\/|\bet\b|\band\b|&)\s*/i).filter(Boolean)
  if (parts.length < 2) return { expression: null, list: false }
  const ids = parts.map(licenceId)
  if (ids.some((id) => !id)) return { expression: null, list: true }
  return { expression: [...new Set(ids)].join(' AND '), list: true }
}

/** `normaliseLicenceText`'s expression (kept for callers that only need the id). */
export function normaliseLicence(text: string): string | null {
  return normaliseLicenceText(text).expression
}
