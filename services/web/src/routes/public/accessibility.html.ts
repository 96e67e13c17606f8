import type { PageContext, View } from '../../components.js'
import { html } from '../../html.js'

export function accessibilityPage(ctx: PageContext): View {
  return {
    title: 'Déclaration d’accessibilité',
    main: html`<h1>Déclaration d’accessibilité</h1>
<p>${ctx.operatorName} s’engage à rendre son service osinum accessible à toutes et à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
<p>Cette déclaration d’accessibilité s’applique aux pages d’osinum.</p>
<h2>État de conformité</h2>
<p>osinum est <strong>non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA), version 4 : aucun audit complet n’a encore été réalisé. Ses pages sont pourtant conçues pour le respecter.</p>
<h2>Ce qui est fait</h2>
<ul>
<li>Chaque page est vérifiée automatiquement (outil axe-core) à chaque modification du logiciel.</li>
<li>Tout le service s’utilise au clavier seul, sans souris ; l’élément sélectionné est toujours visible.</li>
<li>Tout le service fonctionne sans JavaScript et sur un écran de téléphone.</li>
<li>Les couleurs choisies par chaque syndicat sont ajustées automatiquement pour que le texte reste lisible (contraste d’au moins 4,5 pour 1).</li>
<li>Les erreurs d’un formulaire sont annoncées en haut de la page et à côté du champ concerné.</li>
</ul>
<h2>Établissement de cette déclaration</h2>
<p>Cette déclaration a été établie le 1er décembre 2026. Technologies utilisées : HTML et CSS. Tests : Chromium avec axe-core, navigation au clavier, largeurs d’écran de 360 et 1 280 pixels.</p>
<h2>Retour d’information et contact</h2>
<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez ${ctx.operatorWebsite ? html`<a href="${ctx.operatorWebsite}">${ctx.operatorName}</a>` : ctx.operatorName} : nous vous aiderons par un autre moyen et corrigerons le problème.</p>
<h2>Voies de recours</h2>
<p>Si vous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez :</p>
<ul>
<li>écrire au Défenseur des droits (formulaire en ligne sur defenseurdesdroits.fr) ;</li>
<li>contacter le délégué du Défenseur des droits de votre région ;</li>
<li>envoyer un courrier gratuit, sans timbre, à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
</ul>`,
  }
}
