import { describe, expect, it } from 'vitest'
import { de } from './messages.js'
import { escapeHtml, html, oneLine, renderEmail, safeUrl } from './templates.js'

describe('email templates', () => {
  it('escapes every interpolated value by default, and only keeps markup built by the same helper', () => {
    const name = '<b onclick="x()">Zoé & \'co\'</b>'
    const inner = html`<em>${name}</em>`
    const out = html`<p title="${name}">${inner} ${[name, html`<i>${'<ok>'}</i>`]} ${null}${undefined}${false}</p>`
    expect(out.value).toBe(
      '<p title="&lt;b onclick=&quot;x()&quot;&gt;Zoé &amp; &#39;co&#39;&lt;/b&gt;"><em>&lt;b onclick=&quot;x()&quot;&gt;Zoé &amp; &#39;co&#39;&lt;/b&gt;</em> &lt;b onclick=&quot;x()&quot;&gt;Zoé &amp; &#39;co&#39;&lt;/b&gt;<i>&lt;ok&gt;</i> </p>',
    )
    expect(escapeHtml('`')).toBe('&#96;')
  })

  it('never turns a non-http(s) URL into a link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull()
    expect(safeUrl('data:text/html,<script>')).toBeNull()
    expect(safeUrl('/relative')).toBeNull()
    expect(safeUrl('https://osinum.example.fr/a?b=<c>')).toBe('https://osinum.example.fr/a?b=%3Cc%3E')
    const rendered = renderEmail(
      {
        subject: 'Sujet',
        summary: 'Résumé',
        blocks: [
          { kind: 'action', label: 'Cliquer', url: 'javascript:alert(1)' },
          { kind: 'links', items: [{ title: 'Titre <x>', url: 'javascript:void(0)' }] },
        ],
      },
      { reason: 'raison' },
    )
    expect(rendered.html).not.toContain('javascript:')
    expect(rendered.html).toContain('Titre &lt;x&gt;')
    expect(rendered.text).not.toContain('javascript:')
  })

  it('renders the same content as HTML and as text, with the footer links', () => {
    const rendered = renderEmail(
      {
        subject: 'Résultats\r\nBcc: victim@example.org',
        summary: 'Résumé',
        blocks: [
          { kind: 'p', text: 'Un paragraphe' },
          { kind: 'facts', rows: [['Niveau', 'B']] },
          { kind: 'quote', text: 'ligne 1\nligne 2' },
        ],
      },
      {
        reason: 'Vous êtes membre.',
        preferencesUrl: 'https://osinum.example.fr/v1/notification-preferences',
        unsubscribeUrl: 'https://osinum.example.fr/v1/unsubscribe?token=t',
      },
      'Bonjour Zoé,',
    )
    // A subject is one line: no header can be smuggled in.
    expect(rendered.subject).toBe('Résultats Bcc: victim@example.org')
    expect(rendered.text).toContain('Bonjour Zoé,\n\nUn paragraphe\n\nNiveau : B\n\n> ligne 1\n> ligne 2')
    expect(rendered.text).toContain(
      'Ne plus recevoir ces messages : https://osinum.example.fr/v1/unsubscribe?token=t',
    )
    expect(rendered.html).toContain('<a href="https://osinum.example.fr/v1/unsubscribe?token=t"')
    expect(oneLine('a'.repeat(300)).length).toBe(200)
  })

  it('writes French: "d’Alleyrat" but "de Saint-Martin"', () => {
    expect(de('Alleyrat')).toBe('d’Alleyrat')
    expect(de('Écuelles')).toBe('d’Écuelles')
    expect(de('Saint-Martin')).toBe('de Saint-Martin')
  })
})
