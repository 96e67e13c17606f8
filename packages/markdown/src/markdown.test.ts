import { describe, expect, it } from 'vitest'
import { excerpt, markdownToText, plainText, renderMarkdown, sanitizeHtml } from './index.js'

/** Payloads seen in the wild against Markdown renderers and HTML sanitisers. */
const ATTACKS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '[clic](javascript:alert(3))',
  '[clic](JaVaScRiPt:alert(3))',
  '[clic](&#106;avascript:alert(3))',
  '<a href="javascript:alert(4)">lien</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(5)></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<p style="background:url(javascript:alert(6))" onclick="alert(7)">texte</p>',
  '<object data="x"></object><embed src="x">',
  '<form action="https://evil.example"><input name="p"><button>ok</button></form>',
  '<style>body{display:none}</style>',
  '<details open ontoggle=alert(8)>x</details>',
  '<img src="https://img.example/a.png" onerror="alert(9)" alt="a">',
  '![x](javascript:alert(10))',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
].join('\n\n')

function expectInert(html: string) {
  expect(html).not.toMatch(
    /<\s*(script|iframe|svg|math|object|embed|form|input|button|style|details|base|meta)\b/i,
  )
  expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  // (Markdown given as HTML stays text, harmless: only attributes can carry a URL.)
  expect(html).not.toMatch(/(href|src)\s*=\s*["']?[^"'>]*script:/i)
  expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*data:/i)
  expect(html).not.toMatch(/style=/i)
}

describe('what HTML a Markdown text may produce', () => {
  it('keeps formatting, lists, quotes, code and tables', () => {
    const html = renderMarkdown(
      '**gras** *italique* ~~barré~~ `code`\n\n- un\n- deux\n\n3. trois\n\n> citation\n\n```js\nx()\n```\n\n| a | b |\n| :- | -: |\n| 1 | 2 |',
    )
    for (const part of [
      '<strong>gras</strong>',
      '<em>italique</em>',
      '<del>barré</del>',
      '<code>code</code>',
      '<ul>',
      '<ol start="3">',
      '<blockquote>',
      '<code class="language-js">',
      '<table>',
      '<td align="right">2</td>',
    ])
      expect(html).toContain(part)
  })

  it('never lets a script, an event handler, a style or a dangerous URL through', () => {
    expectInert(renderMarkdown(ATTACKS))
    expectInert(sanitizeHtml(ATTACKS))
  })

  it('demotes a first-level heading: the page keeps its own title', () => {
    expect(renderMarkdown('# Titre\n\n## Partie')).toBe('<h2>Titre</h2>\n<h2>Partie</h2>')
  })

  it('marks links nofollow and keeps http, https and mailto only', () => {
    const html = renderMarkdown(
      '[a](https://a.example) [b](http://b.example) [c](mailto:mairie@c.example) [d](ftp://d.example) [e](//e.example)',
    )
    expect(html).toContain('<a href="https://a.example" rel="nofollow noopener noreferrer">a</a>')
    expect(html).toContain('<a href="http://b.example" rel="nofollow noopener noreferrer">b</a>')
    expect(html).toContain('<a href="mailto:mairie@c.example" rel="nofollow noopener noreferrer">c</a>')
    expect(html).not.toContain('ftp:')
    expect(html).not.toContain('//e.example')
  })

  it('keeps images from absolute https addresses only, with their text alternative', () => {
    const html = renderMarkdown(
      '![Carte](https://img.example/carte.png) ![http](http://img.example/a.png) ![rel](images/a.png) ![data](data:image/png;base64,AAAA)',
    )
    expect(html).toContain('<img src="https://img.example/carte.png" alt="Carte" />')
    expect(html.match(/<img/g)).toHaveLength(1)
  })

  it('gives the same answer for HTML received from elsewhere as for Markdown', () => {
    const markdown = '## Titre\n\nDu **texte** et un [lien](https://www.cnil.fr/).'
    const html = renderMarkdown(markdown)
    expect(sanitizeHtml(html)).toBe(html)
  })
})

describe('plain text of a Markdown text', () => {
  it('drops markup in titles, even once entities are decoded', () => {
    expect(plainText('<script>alert("titre")</script>Guide <img src=x onerror=alert(1)>pratique')).toBe(
      'Guide pratique',
    )
    expect(plainText('&lt;b&gt;gras&lt;/b&gt; texte')).toBe('gras texte')
  })

  it('reads as text for indexes and exports', () => {
    expect(markdownToText('**Gras** & <em>texte</em>')).toBe('Gras & texte')
  })

  it('cuts excerpts at a word', () => {
    const text = excerpt(`${'mot '.repeat(100)}fin`, 20)
    expect(text.length).toBeLessThanOrEqual(20)
    expect(text.endsWith('mot…')).toBe(true)
  })
})
