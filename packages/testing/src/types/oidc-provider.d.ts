/** The few parts of oidc-provider (test-only dependency, no bundled types) startOidcProvider uses. */
declare module 'oidc-provider' {
  import type { Server } from 'node:http'

  interface Account {
    accountId: string
    claims(): Promise<Record<string, unknown>>
  }
  export default class Provider {
    constructor(
      issuer: string,
      configuration: Record<string, unknown> & {
        findAccount?: (ctx: unknown, id: string) => Promise<Account | undefined>
      },
    )
    listen(port: number, host?: string): Server
  }
}
