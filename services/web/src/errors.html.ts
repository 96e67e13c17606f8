import type { PageContext, View } from './components.js'
import { html } from './html.js'

const PAGES: Record<number, { title: string; text: string }> = {
  400: {
    title: 'Demande incorrecte',
    text: 'Les informations envoyées ne sont pas valides. Revenez à la page précédente et vérifiez le formulaire.',
  },
  403: {
    title: 'Accès refusé',
    text: 'Vous n’avez pas accès à cette page.',
  },
  404: {
    title: 'Page introuvable',
    text: 'Cette page n’existe pas ou n’existe plus. Si vous avez saisi l’adresse, vérifiez-la ; si vous avez suivi un lien, il est peut-être ancien.',
  },
  429: {
    title: 'Trop de demandes',
    text: 'Vous avez fait beaucoup de demandes en peu de temps. Patientez une minute, puis réessayez.',
  },
  500: {
    title: 'Erreur inattendue',
    text: 'Désolés, un problème technique nous empêche d’afficher cette page. Réessayez dans quelques minutes. Si cela continue, prévenez votre syndicat.',
  },
  503: {
    title: 'Service momentanément indisponible',
    text: 'osinum est momentanément indisponible, sans doute pour quelques minutes. Vos informations sont conservées. Réessayez un peu plus tard.',
  },
}

const CSRF = {
  title: 'Formulaire expiré',
  text: 'Ce formulaire a expiré ou a été envoyé depuis un autre site. Rechargez la page, puis envoyez-le à nouveau.',
}

function content(status: number, reason?: 'csrf') {
  return reason === 'csrf' ? CSRF : (PAGES[status] ?? PAGES[500]!)
}

/** The French error pages (404, 500, 503 « service momentanément indisponible »…). */
export function errorPage(_ctx: PageContext, status: number, reason?: 'csrf'): View {
  const page = content(status, reason)
  return {
    title: page.title,
    status,
    main: html`<h1>${page.title}</h1>
<p class="lead">${page.text}</p>
<p><a href="/">Revenir à l’accueil</a></p>`,
  }
}

/** The same page without the layout's operator (when even that could not be loaded). */
errorPage.plain = (status: number): string => {
  const page = content(status)
  return html`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.title} — osinum</title></head><body><main><h1>${page.title}</h1><p>${page.text}</p><p><a href="/">Revenir à l’accueil</a></p></main></body></html>`
    .value
}
