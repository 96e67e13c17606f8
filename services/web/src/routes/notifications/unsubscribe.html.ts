import { type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'

/** The page an email's « se désinscrire » link opens; its button POSTs (a GET never changes anything). */
export function unsubscribePage(ctx: PageContext, input: { token: string; label: string }): View {
  return {
    title: 'Se désinscrire',
    main: html`<h1>Ne plus recevoir ces e-mails</h1>
<p class="lead">Vous ne recevrez plus les e-mails « ${input.label} » d’osinum. Les e-mails de connexion continueront d’arriver.</p>
${postForm(ctx, '/desinscription', html`<input type="hidden" name="token" value="${input.token}">`, 'Confirmer la désinscription')}`,
  }
}

export function unsubscribedPage(_ctx: PageContext, label: string): View {
  return {
    title: 'Désinscription confirmée',
    main: html`<h1>C’est fait</h1>
<p class="lead">Vous ne recevrez plus les e-mails « ${label} ». Vous pouvez changer d’avis à tout moment dans <a href="/preferences">vos préférences</a>.</p>`,
  }
}
