/**
 * French text handling for search: normalisation (lower case, no accents, no punctuation),
 * stop words, the domain's synonym table and the translation of a visitor's query into a
 * PostgreSQL `tsquery` made of groups of alternatives.
 */

/** Lower case, accents removed (é → e, œ → oe), every non letter/digit becomes a space. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Common French words that carry no meaning in a search (kept short on purpose). */
export const STOP_WORDS = new Set(
  [
    'a',
    'au',
    'aux',
    'avec',
    'ce',
    'ces',
    'd',
    'dans',
    'de',
    'des',
    'du',
    'en',
    'et',
    'l',
    'la',
    'le',
    'les',
    'leur',
    'leurs',
    'ma',
    'mes',
    'mon',
    'ne',
    'nos',
    'notre',
    'ou',
    'par',
    'pas',
    'pour',
    'qu',
    'que',
    'qui',
    'sa',
    'se',
    'ses',
    'son',
    'sur',
    'un',
    'une',
    'vos',
    'votre',
    'the',
    'of',
    'and',
    'for',
    'outil',
    'outils',
    'logiciel',
    'logiciels',
  ].map(normalise),
)

/** Words of a text, normalised, without stop words. */
export function words(text: string): string[] {
  return normalise(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
}

/** A crude French singular, only to match query phrases against the synonym table. */
const singular = (w: string) => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w)

/**
 * Equivalence classes of the domain: a visitor typing any entry also finds tools described
 * with any other. Entries are French (and the English words agents actually type); multi-word
 * entries match as phrases. Category and theme labels are indexed with each tool, so one
 * entry per class that appears in those labels is enough to reach the whole category.
 */
export const SYNONYMS: string[][] = [
  [
    'visioconférence',
    'visio',
    'vidéoconférence',
    'vidéo conférence',
    'visio conférence',
    'web conférence',
    'webconférence',
    'conférence vidéo',
    'réunion à distance',
    'réunion en ligne',
    'webinaire',
    'webinar',
    'classe virtuelle',
    'videoconference',
    'video call',
  ],
  ['agenda', 'agenda partagé', 'calendrier', 'calendrier partagé', 'caldav', 'planning', 'rendez-vous'],
  ['contacts', 'carnet d’adresses', 'annuaire', 'carddav', 'répertoire'],
  ['courriel', 'messagerie électronique', 'email', 'e-mail', 'mail', 'mél', 'webmail', 'boîte mail', 'imap'],
  ['messagerie instantanée', 'chat', 'tchat', 'discussion', 'messagerie sécurisée', 'matrix'],
  [
    'stockage',
    'partage de fichiers',
    'cloud',
    'drive',
    'stockage en ligne',
    'synchronisation',
    'espace de stockage',
    'webdav',
  ],
  ['sauvegarde', 'backup', 'restauration', 'copie de sauvegarde'],
  ['mot de passe', 'mots de passe', 'password', 'gestionnaire de mots de passe', 'coffre-fort'],
  ['cybersécurité', 'sécurité', 'cyberattaque', 'rançongiciel', 'ransomware', 'piratage'],
  ['sondage', 'formulaire', 'enquête', 'questionnaire', 'inscription en ligne', 'doodle'],
  ['bureautique', 'suite bureautique', 'office', 'traitement de texte', 'tableur', 'word', 'excel'],
  ['édition collaborative', 'coédition', 'co-édition', 'rédaction collaborative', 'pad', 'document partagé'],
  ['site internet', 'site web', 'cms', 'site de la mairie', 'site communal'],
  ['cartographie', 'carte', 'sig', 'gis', 'géomatique', 'plan', 'cadastre'],
  ['open data', 'données ouvertes', 'opendata', 'open-data', 'données publiques'],
  [
    'participation citoyenne',
    'concertation',
    'budget participatif',
    'consultation',
    'démocratie participative',
  ],
  ['relation usagers', 'relation aux habitants', 'téléservice', 'démarche en ligne', 'signalement', 'gru'],
  ['gestion de projet', 'tâches', 'kanban', 'suivi de projet', 'todo'],
  ['lettre d’information', 'newsletter', 'infolettre', 'liste de diffusion', 'mailing'],
  ['réseaux sociaux', 'réseau social', 'fediverse', 'activitypub'],
  ['système d’exploitation', 'linux', 'os', 'distribution'],
  ['navigateur', 'navigateur web', 'browser'],
  ['comptabilité', 'compta', 'finances', 'facturation', 'ressources humaines', 'gestion financière'],
  ['rgpd', 'gdpr', 'données personnelles', 'vie privée'],
  ['logiciel libre', 'libre', 'open source', 'opensource', 'code source ouvert'],
  ['télétravail', 'travail à distance', 'nomadisme'],
  ['vidéo', 'video', 'diffusion vidéo', 'streaming'],
]

interface SynonymEntry {
  tokens: string[]
  group: number
}

const entries: SynonymEntry[] = []
SYNONYMS.forEach((group, index) => {
  for (const phrase of group) {
    const tokens = words(phrase).map(singular)
    if (tokens.length) entries.push({ tokens, group: index })
  }
})
// Longest phrases first: "partage de fichiers" wins over "partage".
entries.sort((a, b) => b.tokens.length - a.tokens.length)

/** Alternatives of a class as tsquery operands: single words, and phrases not implied by a single word. */
function groupAlternatives(index: number): string[][] {
  const phrases = SYNONYMS[index]!.map((p) => words(p)).filter((t) => t.length > 0)
  const singles = new Set(phrases.filter((t) => t.length === 1).map((t) => t[0]!))
  return phrases.filter((t) => t.length === 1 || !t.some((w) => singles.has(w)))
}

/** One part of a query: a set of alternatives (each a word or a phrase) of which one must match. */
export interface QueryGroup {
  /** What the visitor typed for this part (normalised). */
  typed: string
  alternatives: string[][]
  /** Whether the typed word may be matched as a prefix (the visitor may still be typing). */
  prefix: boolean
  /** A single typed word not found in the synonym table: a candidate for spelling correction. */
  correctable: boolean
}

/** Splits a query into groups: known phrases become their synonym class, other words stand alone. */
export function parseQuery(q: string): QueryGroup[] {
  const tokens = words(q).slice(0, 12)
  const groups: QueryGroup[] = []
  let i = 0
  while (i < tokens.length) {
    const match = entries.find(
      (e) => e.tokens.length <= tokens.length - i && e.tokens.every((t, k) => singular(tokens[i + k]!) === t),
    )
    if (match) {
      const typed = tokens.slice(i, i + match.tokens.length)
      const alternatives = groupAlternatives(match.group)
      // Keep what was typed too: "agendas" still matches as itself.
      if (typed.length === 1 && !alternatives.some((a) => a.length === 1 && a[0] === typed[0]))
        alternatives.push(typed)
      groups.push({ typed: typed.join(' '), alternatives, prefix: false, correctable: false })
      i += match.tokens.length
    } else {
      const word = tokens[i]!
      groups.push({
        typed: word,
        alternatives: [[word]],
        prefix: word.length >= 3,
        correctable: word.length >= 4 && !/^\d+$/.test(word),
      })
      i += 1
    }
  }
  return groups
}

/** Adds spelling corrections (vocabulary words close to what was typed) to the correctable groups. */
export function withCorrections(groups: QueryGroup[], corrections: Map<string, string[]>): QueryGroup[] {
  return groups.map((g) => {
    const extra = corrections.get(g.typed)
    if (!g.correctable || !extra?.length) return g
    // A correction that belongs to the synonym table brings its whole class.
    const alternatives = [...g.alternatives]
    for (const word of extra) {
      const entry = entries.find((e) => e.tokens.length === 1 && e.tokens[0] === singular(word))
      for (const alt of entry ? groupAlternatives(entry.group) : [[word]])
        if (!alternatives.some((a) => a.join(' ') === alt.join(' '))) alternatives.push(alt)
    }
    return { ...g, alternatives }
  })
}

/**
 * The `to_tsquery('french', …)` text of the groups: AND between groups (OR when `relaxed`), OR
 * inside a group, AND inside a phrase (stop words removed here still hold positions in the
 * indexed text, so `<->` would miss "mots de passe"), `:*` for a typed word that may be a prefix.
 * Operands are [a-z0-9] only (normalised), so the expression is always well-formed.
 */
export function toTsQuery(groups: QueryGroup[], relaxed = false): string {
  return groups
    .map((g) => {
      const operands = g.alternatives.map((alt) => {
        const parts = alt.map((w) => w.replace(/[^a-z0-9]/g, '')).filter(Boolean)
        if (parts.length === 1 && g.prefix && parts[0] === g.typed) return `${parts[0]}:*`
        return parts.length > 1 ? `(${parts.join(' & ')})` : (parts[0] ?? '')
      })
      const list = operands.filter(Boolean)
      return list.length > 1 ? `(${list.join(' | ')})` : (list[0] ?? '')
    })
    .filter(Boolean)
    .join(relaxed ? ' | ' : ' & ')
}

/** Words worth keeping in the spelling vocabulary (normalised, 4+ letters, not numbers). */
export function vocabulary(texts: Array<string | null | undefined>): string[] {
  const set = new Set<string>()
  for (const text of texts)
    if (text) for (const w of words(text)) if (w.length >= 4 && w.length <= 40 && !/^\d+$/.test(w)) set.add(w)
  return [...set]
}

/** Every word of the synonym table (seeded into the spelling vocabulary). */
export const SYNONYM_WORDS = vocabulary(SYNONYMS.flat())

/** Kebab-case ASCII slug of a name. */
export function slugify(name: string): string {
  return (
    normalise(name)
      .replace(/\s+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'outil'
  )
}
