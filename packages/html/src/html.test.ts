import { describe, expect, it } from 'vitest'
import { html, raw } from './index.js'

describe('html templates', () => {
  it('escapes every interpolated value, so a name typed by someone can never become markup', () => {
    const name = '<script>alert("x")</script> & \'co\''
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    )
  })

  it('nests templates and lists as markup, and renders nothing for null, undefined and false', () => {
    const items = ['a', 'b'].map((x) => html`<li>${x}</li>`)
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${raw('<hr>')}`.value).toBe(
      '<ul><li>a</li><li>b</li></ul><hr>',
    )
  })
})
