import type { Host } from '@osinum/service-kit'

/** A browser's visit without a browser: keeps the session cookie, reads the form's CSRF token. */
export function visitor(inject: Host['app']['inject']) {
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
    async post(url: string, form: Record<string, string>, csrfFrom?: string) {
      const token = csrfFrom ? /name="_csrf" value="([^"]+)"/.exec(csrfFrom)?.[1] : undefined
      const res = await inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        payload: new URLSearchParams({ ...form, ...(token ? { _csrf: token } : {}) }).toString(),
      })
      keep(res.headers['set-cookie'])
      return res
    },
  }
}
