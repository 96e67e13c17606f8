import { Marked } from 'marked'
import sanitize from 'sanitize-html'

const marked = new Marked({ gfm: true, breaks: false, async: false })

/**
 * What HTML a person's Markdown may produce, everywhere on the platform (tool descriptions, reviews,
 * resources, trainings, experience posts, comments, and the pages that show them): text formatting,
 * headings from level 2 (a page has its own title), lists, quotes, code, tables, links and https
 * images with their text alternative. No script-capable tag, no style, no event handler, no URL
 * scheme but http(s) and mailto; links are marked `nofollow noopener noreferrer`.
 */
const POLICY: sanitize.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[a-z0-9-]+$/] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    a: sanitize.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
  // An image is kept only when it comes from an absolute https address (no relative or data: source).
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^https:\/\/[^/]/i.test(frame.attribs.src ?? ''),
}

/** Renders Markdown (possibly written by anyone) to HTML that is safe to insert into a page. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string)
}

/** Applies the same policy to HTML received from elsewhere (the web pages re-check what the API serves). */
export function sanitizeHtml(html: string): string {
  return sanitize(html, POLICY).trim()
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
}

const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|#39);/g, (m) => ENTITIES[m] ?? m)

/**
 * A single line of plain text (titles, names): markup is removed, not escaped, so that the stored
 * value never carries a tag, even once HTML entities are decoded.
 */
export function plainText(value: string): string {
  let text = value
  for (let i = 0; i < 5; i++) {
    const stripped = decode(
      sanitize(text, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' }),
    )
    if (stripped === text) break
    text = stripped
  }
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Plain text of a Markdown document (for search indexes and CSV exports). */
export function markdownToText(markdown: string): string {
  return decode(sanitize(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim()
}

/** Plain-text excerpt of Markdown, for lists: at most `max` characters, cut at a word. */
export function excerpt(markdown: string, max = 280): string {
  const text = plainText(renderMarkdown(markdown).replace(/<\/(p|h[1-6]|li|blockquote)>/g, ' '))
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}
