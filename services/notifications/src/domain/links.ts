/**
 * Links put in notifications. They point at the API resources of the other services (there is no
 * web front-end in this repository); a front-end maps them to its own pages.
 */
export function links(publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '')
  const path = (p: string) => (/^https?:\/\//.test(p) ? p : `${base}${p.startsWith('/') ? '' : '/'}${p}`)
  return {
    base,
    path,
    report: (reportPath: string) => path(reportPath),
    supportRequest: (id: string) => `${base}/v1/support-requests/${id}`,
    actionItem: (id: string) => `${base}/v1/action-items/${id}`,
    resource: (slug: string) => `${base}/v1/resources/${encodeURIComponent(slug)}`,
    tool: (slug: string) => `${base}/v1/tools/${encodeURIComponent(slug)}`,
    training: (slug: string) => `${base}/v1/trainings/${encodeURIComponent(slug)}`,
    review: (reviewId: string) => `${base}/v1/reviews/${reviewId}`,
    /** The editors' queue of reports (resources service). */
    contentReports: () => `${base}/v1/resources/reports`,
    notification: (id: string) => `${base}/v1/notifications/${id}`,
    claim: (id: string) => `${base}/v1/organisation-claims/${id}`,
  }
}
export type Links = ReturnType<typeof links>
