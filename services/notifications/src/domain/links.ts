import { PAGES } from '@osinum/contracts'

/**
 * Links put in notifications: web pages (`PAGES` of the contracts, served by `services/web`),
 * never API routes. A page of a later issue keeps its path, so links sent today work once it exists.
 */
export function links(publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '')
  const path = (p: string) => (/^https?:\/\//.test(p) ? p : `${base}${p.startsWith('/') ? '' : '/'}${p}`)
  return {
    base,
    path,
    /** The results page of a diagnostic (its PDF report is a download from there). */
    results: (diagnosticId: string) => path(PAGES.results(diagnosticId)),
    supportRequest: (id: string) => path(PAGES.supportRequest(id)),
    actionItem: (id: string) => path(PAGES.actionItem(id)),
    resource: (slug: string) => path(PAGES.resource(slug)),
    tool: (slug: string) => path(PAGES.tool(slug)),
    training: (slug: string) => path(PAGES.training(slug)),
    /** The community pages (their rules are stated there). */
    community: () => path(PAGES.community),
    review: (reviewId: string) => path(PAGES.staffReview(reviewId)),
    /** The editors' queue of reports (back-office). */
    contentReports: () => path(PAGES.staffContentReports),
    notification: (id: string) => path(PAGES.notification(id)),
    /** A claim to speak for a collectivité: the claimant follows it, a verified referent decides it. */
    claim: (id: string) => path(PAGES.claim(id)),
    preferences: () => path(PAGES.preferences),
    /** The page behind an email's unsubscribe link (a button POSTs the token). */
    unsubscribePage: (token: string) => `${path(PAGES.unsubscribe)}?token=${encodeURIComponent(token)}`,
    /** RFC 8058 one-click target of the List-Unsubscribe header (mail clients POST there). */
    unsubscribeOneClick: (token: string) => `${base}/v1/unsubscribe?token=${encodeURIComponent(token)}`,
  }
}
export type Links = ReturnType<typeof links>
