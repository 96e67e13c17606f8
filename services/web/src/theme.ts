/**
 * Operator theming: the primary colour an operator picks is darkened until white text on it (and
 * it on white) reaches the WCAG AA contrast of 4.5:1, whatever it is; pages use it through CSS
 * custom properties.
 */
export const DEFAULT_PRIMARY = '#1f5f7a'
export const AA_CONTRAST = 4.5

type Rgb = [number, number, number]

export function parseHex(color: string | null | undefined): Rgb | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '')
  if (!m) return undefined
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb
}

export const toHex = (rgb: Rgb): string =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`

/** WCAG 2.1 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const WHITE: Rgb = [255, 255, 255]

/** The colour, darkened step by step (towards black, hue kept) until white on it reaches `min`. */
export function accessiblePrimary(color: string | null | undefined, min = AA_CONTRAST): string {
  let rgb = parseHex(color) ?? parseHex(DEFAULT_PRIMARY)!
  for (let i = 0; i < 100 && contrast(rgb, WHITE) < min; i++) rgb = rgb.map((c) => c * 0.95) as Rgb
  return toHex(rgb)
}

/** A very light tint of the colour (backgrounds of panels), on which dark text keeps its contrast. */
export function tint(color: string, amount = 0.92): string {
  const rgb = parseHex(color)!
  return toHex(rgb.map((c) => c + (255 - c) * amount) as Rgb)
}

export interface Theme {
  primary: string
  primaryTint: string
}

export function themeOf(primaryColor: string | null | undefined): Theme {
  const primary = accessiblePrimary(primaryColor)
  return { primary, primaryTint: tint(primary) }
}

/** The CSS custom properties of a theme (an inline `<style>` allowed by the page's CSP nonce). */
export const themeCss = (theme: Theme): string =>
  `:root{--primary:${theme.primary};--primary-tint:${theme.primaryTint}}`
