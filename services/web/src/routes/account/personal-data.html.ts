import { PAGES } from '@osinum/contracts'
import { type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'

export const ACCOUNT_DATA = '/compte/mes-donnees'
export const ACCOUNT_DATA_DOWNLOAD = '/compte/mes-donnees/telecharger'
export const ACCOUNT_ERASE = '/compte/supprimer'

/** What osinum keeps about me, and the button that downloads it all. */
export function personalDataPage(_ctx: PageContext): View {
  return {
    title: 'Mes données',
    main: html`<h1>Télécharger mes données</h1>
<p class="lead">Vous pouvez recevoir tout ce qu’osinum garde sur vous, en un seul fichier.</p>
<p>Le fichier contient votre compte (nom, adresse e-mail, communes, appareils connectés), vos diagnostics, vos demandes d’aide et leurs messages, vos avis sur les outils, vos inscriptions aux formations, vos retours d’expérience et commentaires, vos choix d’e-mails et vos notifications.</p>
<p>C’est un fichier au format JSON : un format ouvert, lisible par un ordinateur et par un tableur ou un éditeur de texte. Gardez-le en lieu sûr : il contient vos données personnelles.</p>
<p><a class="button" href="${ACCOUNT_DATA_DOWNLOAD}" download>Télécharger mes données</a></p>
<p><a href="${PAGES.account}">Retour à mon compte</a></p>`,
  }
}

/** Before erasing the account: what will happen, then the button. */
export function erasePage(ctx: PageContext): View {
  return {
    title: 'Supprimer mon compte',
    main: html`<h1>Supprimer mon compte</h1>
<div class="notice notice-warning" role="alert"><strong>Attention : c’est définitif.</strong> Votre compte ne pourra pas être récupéré.</div>
<h2>Ce qui va se passer</h2>
<ul>
<li>Votre nom, votre adresse e-mail et votre mot de passe sont effacés de tous les services d’osinum.</li>
<li>Vous êtes déconnecté de tous vos appareils, et vous ne recevrez plus aucun e-mail d’osinum.</li>
<li>Vous ne faites plus partie de ${ctx.orgs.length ? html`<strong>${ctx.orgs.map((o) => o.name).join(', ')}</strong>` : 'votre commune'} sur osinum. Si vous en étiez la personne référente, un autre membre le devient.</li>
<li>Vos inscriptions aux formations, vos votes « utile » et vos collections sont supprimés ; une place de formation que vous occupiez va à la première personne en attente.</li>
<li>Ce que vous avez écrit pour votre commune reste, sans votre nom : diagnostics, plan d’actions, demandes d’aide et leurs messages, retours d’expérience et commentaires, avis sur les outils. C’est le travail de la commune.</li>
</ul>
<p>Avant de partir, vous pouvez <a href="${ACCOUNT_DATA}">télécharger vos données</a>.</p>
${postForm(ctx, ACCOUNT_ERASE, '', 'Supprimer définitivement mon compte', html`<a href="${PAGES.account}">Annuler</a>`)}`,
  }
}

/** After the erasure: signed out, on a page anyone may see. */
export function erasedPage(_ctx: PageContext): View {
  return {
    title: 'Compte supprimé',
    main: html`<h1>Votre compte est supprimé</h1>
<p class="lead">Vos données personnelles sont effacées d’osinum, et vous êtes déconnecté.</p>
<p>Merci d’avoir utilisé osinum. Vous pouvez revenir quand vous le souhaitez en <a href="${PAGES.register}">créant un nouveau compte</a>.</p>`,
  }
}
