import type { PageContext, View } from '../../components.js'
import { html } from '../../html.js'

export function privacyPage(ctx: PageContext): View {
  return {
    title: 'Données personnelles',
    main: html`<h1>Données personnelles</h1>
<p class="lead">osinum garde le moins d’informations possible sur vous, ne les vend à personne et ne fait aucune publicité. Le responsable du traitement est ${ctx.operatorName}.</p>
<h2>Ce que nous gardons</h2>
<table>
<caption>Les informations gardées, combien de temps, et qui les voit</caption>
<thead><tr><th scope="col">Quoi</th><th scope="col">Combien de temps</th><th scope="col">Qui le voit</th></tr></thead>
<tbody>
<tr><td data-label="Quoi">Votre adresse e-mail, votre nom et votre fonction (si vous les indiquez)</td><td data-label="Combien de temps">Tant que votre compte existe</td><td data-label="Qui le voit">Vous, les autres membres de votre commune, les conseillers de ${ctx.operatorName} qui accompagnent votre commune</td></tr>
<tr><td data-label="Quoi">Votre mot de passe, si vous en choisissez un</td><td data-label="Combien de temps">Tant que votre compte existe. Il est gardé sous une forme chiffrée que personne ne peut relire.</td><td data-label="Qui le voit">Personne</td></tr>
<tr><td data-label="Quoi">Vos sessions (le navigateur utilisé, la date de connexion)</td><td data-label="Combien de temps">30 jours sans utilisation, ou jusqu’à ce que vous vous déconnectiez</td><td data-label="Qui le voit">Vous (page « Mon compte »)</td></tr>
<tr><td data-label="Quoi">Les liens de connexion envoyés par e-mail</td><td data-label="Combien de temps">De 15 minutes (connexion) à 7 jours (invitation), et un seul usage</td><td data-label="Qui le voit">Vous</td></tr>
<tr><td data-label="Quoi">Les réponses au diagnostic de votre commune</td><td data-label="Combien de temps">Tant que la commune est inscrite</td><td data-label="Qui le voit">Les membres de la commune ; les conseillers de ${ctx.operatorName} seulement si votre commune l’accepte. Les statistiques publiées regroupent plusieurs communes et ne permettent pas de reconnaître la vôtre.</td></tr>
<tr><td data-label="Quoi">Vos préférences de notification et les notifications reçues</td><td data-label="Combien de temps">Tant que votre compte existe. Le contenu d’un e-mail est effacé dès qu’il est envoyé.</td><td data-label="Qui le voit">Vous</td></tr>
</tbody>
</table>
<h2>Vos droits</h2>
<p>Vous pouvez consulter, corriger, exporter ou supprimer vos informations à tout moment. La suppression de votre compte efface votre adresse, votre nom et vos sessions ; les réponses du diagnostic restent à votre commune. Pour exercer vos droits, écrivez à ${ctx.operatorName}. Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).</p>
<h2>E-mails</h2>
<p>Vous recevez les e-mails nécessaires à votre compte (liens de connexion, invitations). Tous les autres e-mails peuvent être arrêtés en un clic grâce au lien en bas de chaque message, ou depuis vos préférences.</p>`,
  }
}
