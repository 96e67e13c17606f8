import type { PageContext, View } from '../../components.js'
import { html } from '../../html.js'

export function legalPage(ctx: PageContext): View {
  return {
    title: 'Mentions légales',
    main: html`<h1>Mentions légales</h1>
<h2>Éditeur</h2>
<p>Ce service est édité par ${ctx.operatorWebsite ? html`<a href="${ctx.operatorWebsite}">${ctx.operatorName}</a>` : ctx.operatorName}, qui l’héberge ou le fait héberger pour les collectivités de son territoire. Le directeur ou la directrice de la publication est son représentant légal.</p>
<h2>Logiciel</h2>
<p>osinum est un logiciel libre, publié sous la licence AGPL-3.0 (ou toute version ultérieure) : chacun peut l’utiliser, l’étudier, le modifier et le redistribuer aux mêmes conditions. Les contenus écrits pour osinum (guides, questionnaire) sont sous licence Creative Commons BY-SA 4.0 ; les sources citées gardent leur propre licence.</p>
<h2>Données officielles</h2>
<p>La liste des communes et leurs populations viennent des données publiques de l’Insee et du découpage administratif publié en open data.</p>
<h2>Cookies</h2>
<p>osinum dépose un seul cookie, nécessaire pour rester connecté et protéger vos formulaires. Il ne sert à aucune mesure d’audience ni à aucune publicité : aucun consentement n’est donc demandé.</p>
<p>Pour tout savoir sur vos informations, lisez la page <a href="/donnees-personnelles">Données personnelles</a>.</p>`,
  }
}
