/**
 * The one way emails are written: templates produce blocks of plain values, and one renderer turns
 * them into HTML (every interpolated value escaped by the `html` tag) and text. No template ever
 * concatenates HTML by hand, so a name or a title can never inject markup.
 */

import { escapeHtml, html, SafeHtml } from '@osinum/html'

export { escapeHtml, html, SafeHtml }

/** An absolute http(s) URL, or null: anything else (javascript:, data:…) never becomes a link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null
  } catch {
    return null
  }
}

/** Replaces control characters (C0 and DEL; newlines too unless kept) with a space. */
export function stripControl(value: string, keepNewlines = false): string {
  let out = ''
  for (const ch of value) {
    const c = ch.charCodeAt(0)
    out += (c < 0x20 || c === 0x7f) && !(keepNewlines && ch === '\n') ? ' ' : ch
  }
  return out
}

/** One line of text: no control characters (a subject or a header value). */
export function oneLine(value: string, max = 200): string {
  const line = stripControl(value).replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

function plain(value: string): string {
  return stripControl(value.replace(/\r\n?/g, '\n'), true)
}

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'quote'; text: string }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'links'; items: Array<{ title: string; url: string; text?: string }> }
  | { kind: 'heading'; text: string }

/** What a template returns. */
export interface EmailContent {
  subject: string
  /** One plain-text line for the in-app inbox. */
  summary: string
  blocks: Block[]
  /** Main link (in-app notification link), when there is one. */
  link?: string | null
}

export interface Footer {
  /** Why the person receives this ("vous êtes membre de …"). */
  reason: string
  preferencesUrl?: string
  unsubscribeUrl?: string
}

export interface RenderedContent {
  subject: string
  html: string
  text: string
}

function blockHtml(block: Block): SafeHtml {
  switch (block.kind) {
    case 'p':
      return html`<p style="margin:0 0 16px">${block.text}</p>`
    case 'heading':
      return html`<h2 style="font-size:17px;margin:24px 0 8px">${block.text}</h2>`
    case 'list':
      return html`<ul style="margin:0 0 16px;padding-left:20px">${block.items.map((i) => html`<li style="margin:0 0 6px">${i}</li>`)}</ul>`
    case 'facts':
      return html`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${block.rows.map(
        ([label, value]) =>
          html`<tr><td style="padding:4px 16px 4px 0;color:#555">${label}</td><td style="padding:4px 0;font-weight:bold">${value}</td></tr>`,
      )}</table>`
    case 'quote':
      return html`<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #ccc;white-space:pre-wrap">${block.text}</blockquote>`
    case 'action': {
      const url = safeUrl(block.url)
      if (!url) return html``
      return html`<p style="margin:24px 0"><a href="${url}" style="background:#000091;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${block.label}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>${url}</p>`
    }
    case 'links':
      return html`<ul style="margin:0 0 16px;padding-left:20px">${block.items.map((item) => {
        const url = safeUrl(item.url)
        return html`<li style="margin:0 0 10px">${url ? html`<a href="${url}">${item.title}</a>` : item.title}${item.text ? html`<br><span style="color:#555">${item.text}</span>` : ''}</li>`
      })}</ul>`
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'p':
      return plain(block.text)
    case 'heading':
      return `${plain(block.text).toUpperCase()}`
    case 'list':
      return block.items.map((i) => `- ${plain(i)}`).join('\n')
    case 'facts':
      return block.rows.map(([l, v]) => `${plain(l)} : ${plain(v)}`).join('\n')
    case 'quote':
      return plain(block.text)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')
    case 'action': {
      const url = safeUrl(block.url)
      return url ? `${plain(block.label)} : ${url}` : ''
    }
    case 'links':
      return block.items
        .map((item) => {
          const url = safeUrl(item.url)
          return `- ${plain(item.title)}${url ? `\n  ${url}` : ''}${item.text ? `\n  ${plain(item.text)}` : ''}`
        })
        .join('\n')
  }
}

/** Renders a template's content in the osinum layout, as HTML and as text. */
export function renderEmail(
  content: EmailContent,
  footer: Footer,
  greeting?: string | null,
): RenderedContent {
  const subject = oneLine(content.subject)
  const blocks = greeting ? [{ kind: 'p', text: greeting } as Block, ...content.blocks] : content.blocks
  const preferences = safeUrl(footer.preferencesUrl)
  const unsubscribe = safeUrl(footer.unsubscribeUrl)
  const body = html`<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${subject}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#161616">
<div style="display:none;max-height:0;overflow:hidden">${content.summary}</div>
<table role="presentation" width="100%" style="border-collapse:collapse"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:600px;border-collapse:collapse;background:#fff">
<tr><td style="padding:20px 24px;border-bottom:4px solid #000091;font-size:20px;font-weight:bold">osinum</td></tr>
<tr><td style="padding:24px;font-size:15px;line-height:1.5">
${blocks.map(blockHtml)}
</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;color:#666;border-top:1px solid #eee">
<p style="margin:0 0 8px">${footer.reason}</p>
${preferences ? html`<p style="margin:0 0 8px"><a href="${preferences}" style="color:#666">Gérer mes préférences de notification</a></p>` : ''}
${unsubscribe ? html`<p style="margin:0"><a href="${unsubscribe}" style="color:#666">Ne plus recevoir ces messages</a></p>` : ''}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`
  const text = [
    ...blocks.map(blockText).filter(Boolean),
    '--',
    plain(footer.reason),
    ...(preferences ? [`Gérer mes préférences de notification : ${preferences}`] : []),
    ...(unsubscribe ? [`Ne plus recevoir ces messages : ${unsubscribe}`] : []),
  ].join('\n\n')
  return { subject, html: body.value, text: `${text}\n` }
}
