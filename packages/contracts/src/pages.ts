/**
 * The URL scheme of the web pages (`services/web`), in one place: identity and notifications build
 * the links of their emails with it, the web service routes them. Every link a person receives
 * lands on one of these pages, never on `/v1/...`. Paths are French, lower case, without accents.
 * A page not built yet keeps its path here so that links sent today work once it exists.
 */
const seg = (value: string) => encodeURIComponent(value)

export const PAGES = {
  home: '/',
  dashboard: '/tableau-de-bord',
  accessibility: '/accessibilite',
  legal: '/mentions-legales',
  privacy: '/donnees-personnelles',
  // Sign in and up
  signIn: '/connexion',
  /** Landing of a magic link (`?token=`): a button POSTs the token. */
  magicLink: '/connexion/lien',
  /** OpenID Connect (ProConnect) return page (`?code=`). */
  oidcReturn: '/connexion/proconnect',
  register: '/inscription',
  /** Landing of an email verification link (`?token=`). */
  verifyEmail: '/inscription/confirmer',
  forgotPassword: '/mot-de-passe/oublie',
  /** Landing of a password reset link (`?token=`): the new-password form. */
  resetPassword: '/mot-de-passe/nouveau',
  /** Landing of an invitation link (`?token=`). */
  invitation: '/invitation',
  account: '/compte',
  accountPassword: '/compte/mot-de-passe',
  accountSessions: '/compte/sessions',
  signOut: '/deconnexion',
  // Onboarding
  commune: '/commune',
  communeInvite: '/commune/inviter',
  /** A claim to speak for a collectivité: its claimant follows it, a verified referent decides it. */
  claim: (id: string) => `/commune/demandes/${seg(id)}`,
  // Pages of later issues (same scheme)
  diagnostic: '/diagnostic',
  diagnosticOf: (id: string) => `/diagnostic/${seg(id)}`,
  results: (id: string) => `/diagnostic/${seg(id)}/resultats`,
  catalogue: '/catalogue',
  tool: (slug: string) => `/catalogue/${seg(slug)}`,
  resources: '/ressources',
  resource: (slug: string) => `/ressources/${seg(slug)}`,
  trainings: '/formations',
  training: (slug: string) => `/formations/${seg(slug)}`,
  community: '/communaute',
  /** One experience post of the community, with its comments. */
  experience: (id: string) => `/communaute/${seg(id)}`,
  help: '/aide',
  supportRequest: (id: string) => `/aide/demandes/${seg(id)}`,
  actionItem: (id: string) => `/aide/actions/${seg(id)}`,
  notifications: '/notifications',
  notification: (id: string) => `/notifications/${seg(id)}`,
  preferences: '/preferences',
  /** Landing of an email's unsubscribe link (`?token=`): a button POSTs it. */
  unsubscribe: '/desinscription',
  // Staff back-office
  staff: '/gestion',
  staffCommunes: '/gestion/communes',
  staffCommune: (id: string) => `/gestion/communes/${seg(id)}`,
  staffRequests: '/gestion/demandes',
  staffRequest: (id: string) => `/gestion/demandes/${seg(id)}`,
  staffModeration: '/gestion/moderation',
  staffReview: (id: string) => `/gestion/avis/${seg(id)}`,
  staffContentReports: '/gestion/signalements',
  staffOffers: '/gestion/offres',
  staffTrainings: '/gestion/formations',
} as const

/** `PUBLIC_URL` + a page path (+ query), for links in emails. */
export function pageUrl(publicUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(`${publicUrl.replace(/\/+$/, '')}${path}`)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  return url.toString()
}
