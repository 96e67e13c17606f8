import { expect } from 'vitest'

/** What a test needs of an injected answer (Fastify's `inject`, light-my-request). */
export interface InjectedResponse {
  statusCode: number
  body: string
  headers: Record<string, unknown>
  json(): any
}

/** Anything with Fastify's `inject`: an app, or a service's test helper. */
export interface Injectable {
  inject(options: {
    method: 'GET'
    url: string
    headers?: Record<string, string>
    payload?: object
  }): PromiseLike<InjectedResponse>
}

/**
 * Calls a service as one of a cast of people (the access-matrix tests of every service):
 * `call(who, method, url, payload?)` and `expectStatus(who, method, url, status, payload?)`, whose
 * failure message names who called what and what came back. `target` is read at each call (test
 * services start in `beforeAll`); `headersOf` gives a person's headers (none: anonymous).
 */
export function callsAs<Who extends string>(
  target: () => Injectable,
  headersOf: (who: Who) => Record<string, string> | undefined,
  check?: (res: InjectedResponse, status: number, label: string) => void,
) {
  const call = (who: Who, method: string, url: string, payload?: unknown) =>
    target().inject({
      method: method as 'GET',
      url,
      headers: headersOf(who) ?? {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    })
  async function expectStatus(who: Who, method: string, url: string, status: number, payload?: unknown) {
    const res = await call(who, method, url, payload)
    const label = `${who} ${method} ${url}`
    expect(res.statusCode, `${label}: ${res.body}`).toBe(status)
    check?.(res, status, label)
    return res
  }
  return { call, expectStatus }
}

/** An `Authorization: Bearer` header. */
export const bearerHeader = (token: string | undefined): Record<string, string> | undefined =>
  token === undefined ? undefined : { authorization: `Bearer ${token}` }
