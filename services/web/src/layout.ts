import { STYLESHEET } from './assets.js'
import type { PageContext, View } from './components.js'
import { type Content, type Html, html, raw } from './html.js'
import { isCurrent, NAV } from './navigation.js'
import type { Operator } from './runtime.js'
import type { Flash } from './session.js'
import { type Theme, themeCss } from './theme.js'

export interface LayoutInput {
  view: View
  ctx: PageContext
  operator?: Operator
  theme: Theme
  nonce: string
  flash?: Flash
}

const navLink = (ctx: PageContext, href: string, label: Content) =>
  html`<li><a href="${href}"${isCurrent(ctx.path, href) ? html` aria-current="page"` : ''}>${label}</a></li>`

/**
 * The one page layout: skip link, header with the operator's name (and logo), navigation, the
 * page's `<main>`, footer links (accessibility, legal notice, personal data). Titles say where
 * one is: « Connexion — osinum · Syndicat numérique de … ».
 */
export function layout({ view, ctx, operator, theme, nonce, flash }: LayoutInput): string {
  const title = `${view.problem ? 'Erreur : ' : ''}${view.title} — osinum · ${ctx.operatorName}`
  const entries = NAV.filter((entry) => !entry.when || entry.when(ctx)).map((entry) =>
    navLink(ctx, entry.href, typeof entry.label === 'function' ? entry.label(ctx) : entry.label),
  )
  const nav = ctx.signedIn
    ? html`${entries}
<li><form method="post" action="/deconnexion" class="inline-form"><input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="link-button">Se déconnecter</button></form></li>`
    : html`${entries}`
  const logo: Html | string = operator?.logoUrl?.startsWith('https://')
    ? html`<img src="${operator.logoUrl}" alt="" height="40" class="brand-logo">`
    : ''
  const page = html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET}">
<style nonce="${nonce}">${raw(themeCss(theme))}</style>
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="/">${logo}<span class="brand-name">${ctx.operatorName}</span><span class="brand-sub">osinum, le numérique des petites communes</span></a>
<nav aria-label="Menu principal"><ul class="nav">${nav}</ul></nav>
</div>
</header>
<main id="contenu" tabindex="-1" class="wrap">
${flash ? html`<div class="notice notice-${flash.kind}" role="status">${flash.text}</div>` : ''}
${view.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>osinum est un service proposé par ${ctx.operatorWebsite ? html`<a href="${ctx.operatorWebsite}">${ctx.operatorName}</a>` : ctx.operatorName}. Logiciel libre (licence AGPL).</p>
<ul class="footer-links">
<li><a href="/accessibilite">Accessibilité : non conforme</a></li>
<li><a href="/mentions-legales">Mentions légales</a></li>
<li><a href="/donnees-personnelles">Données personnelles</a></li>
</ul>
</div>
</footer>
</body>
</html>
`
  return page.value
}
