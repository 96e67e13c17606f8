import { type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'

/** The page an invitation email opens; its button POSTs the token (a GET never uses it). */
export function invitationPage(ctx: PageContext, token: string): View {
  return {
    title: 'Invitation',
    main: html`<h1>Rejoindre votre commune sur osinum</h1>
<p class="lead">Un membre de votre commune vous invite à travailler avec lui sur osinum. En acceptant, vous rejoignez votre commune et votre compte est créé s’il n’existe pas encore.</p>
${postForm(ctx, '/invitation', html`<input type="hidden" name="token" value="${token}">`, 'Accepter l’invitation')}
<p>Vous ne connaissez pas cette invitation ? Ignorez-la simplement : rien ne se passera.</p>`,
  }
}
