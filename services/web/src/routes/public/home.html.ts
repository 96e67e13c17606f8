import type { PageContext, View } from '../../components.js'
import { html } from '../../html.js'

export function homePage(ctx: PageContext): View {
  return {
    title: 'Accueil',
    main: html`<h1>Le numérique de votre commune, pas à pas</h1>
<p class="lead">osinum aide les petites communes, leurs élus et leurs agents, à faire le point sur leurs outils numériques et à les améliorer, avec l’appui de ${ctx.operatorName}.</p>
${
  ctx.signedIn
    ? html`<p><a class="button" href="/tableau-de-bord">Aller à mon tableau de bord</a></p>`
    : html`<p class="button-group"><a class="button" href="/inscription">Créer un compte</a> <a class="button button-secondary" href="/connexion">Se connecter</a></p>`
}
<h2>Pour qui ?</h2>
<p>Pour les communes de moins de 5 000 habitants : le maire, les adjoints, le ou la secrétaire de mairie. Aucune connaissance technique n’est nécessaire.</p>
<h2>Ce que vous pouvez faire</h2>
<ul class="cards">
<li class="card"><h3>Faire le point</h3><p>Un questionnaire simple sur vos usages (messagerie, site internet, sauvegardes, sécurité…), puis vos résultats comparés à ceux des communes de votre taille.</p></li>
<li class="card"><h3>Trouver des outils</h3><p>Un catalogue d’outils choisis pour leur simplicité, leur sécurité et leur sobriété, avec l’avis d’autres communes.</p></li>
<li class="card"><h3>Apprendre</h3><p>Des guides pratiques et des formations, en ligne ou près de chez vous.</p></li>
<li class="card"><h3>Être accompagné</h3><p>Les conseillers de ${ctx.operatorName} répondent à vos questions et vous aident à avancer.</p></li>
</ul>
<h2>Comment commencer ?</h2>
<ol class="steps">
<li>Créez votre compte avec votre adresse e-mail : pas de mot de passe à retenir, nous vous envoyons un lien.</li>
<li>Indiquez votre commune.</li>
<li>Invitez vos collègues : élus et secrétariat travaillent ensemble.</li>
</ol>`,
  }
}
