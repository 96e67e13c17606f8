import type { Host } from '@osinum/service-kit'

type Inject = Host['app']['inject']
type InjectResponse = Awaited<ReturnType<Inject>>

export interface Visitor {
  get(url: string): Promise<InjectResponse>
  /** Posts a form (a list is a field sent several times: checkboxes) with the CSRF token of `csrfFrom`. */
  post(url: string, form: Record<string, string | string[]>, csrfFrom?: string): Promise<InjectResponse>
}

/** A browser's visit without a browser: keeps the session cookie, reads the form's CSRF token. */
export function visitor(inject: Inject): Visitor {
  let cookie = ''
  const keep = (setCookie: string | string[] | undefined) => {
    const value = [setCookie ?? []].flat()[0]
    if (value) cookie = value.split(';')[0]!
  }
  return {
    async get(url: string) {
      const res = await inject({ url, headers: cookie ? { cookie } : {} })
      keep(res.headers['set-cookie'])
      return res
    },
    async post(url: string, form: Record<string, string | string[]>, csrfFrom?: string) {
      const token = csrfFrom ? /name="_csrf" value="([^"]+)"/.exec(csrfFrom)?.[1] : undefined
      const res = await inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        payload: new URLSearchParams(
          Object.entries({ ...form, ...(token ? { _csrf: token } : {}) }).flatMap(([k, v]) =>
            [v].flat().map((x): [string, string] => [k, x]),
          ),
        ).toString(),
      })
      keep(res.headers['set-cookie'])
      return res
    },
  }
}
/**
 * A visitor signed in with a password through the sign-in page, as a person would; `landing` is
 * where the sign-in sent them (the dashboard, or `/gestion` for staff).
 */
export async function signedInVisitor(
  inject: Host['app']['inject'],
  email: string,
  password: string,
): Promise<Visitor & { landing: string }> {
  const v = visitor(inject)
  const form = await v.get('/connexion')
  const res = await v.post('/connexion', { 'login-email': email, password }, form.body)
  if (res.statusCode !== 303) throw new Error(`signing in ${email}: ${res.statusCode}`)
  return Object.assign(v, { landing: String(res.headers.location) })
}
