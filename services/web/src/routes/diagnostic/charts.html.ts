import { type Html, html } from '../../html.js'

/**
 * A horizontal bar (0–100) as inline SVG: sized by attributes, coloured by the stylesheet (the
 * CSP allows no inline style). Decorative: the figure it draws is always written next to it.
 */
export function bar(percent: number | null, kind = 'bar-score'): Html {
  const width = Math.max(0, Math.min(100, percent ?? 0))
  return html`<svg class="bar ${kind}" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar-track" width="100" height="10"></rect><rect class="bar-fill" width="${width}" height="10"></rect></svg>`
}

/** A score for people: « 62 sur 100 », or a dash with an explanation when there is none. */
export const scoreText = (score: number | null, none = 'sans objet') =>
  score === null ? none : `${Math.round(score)} sur 100`
