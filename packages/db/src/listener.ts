import pg from 'pg'

export type NotificationHandler = (payload: string) => void
export type Unlisten = () => Promise<void>

/**
 * PostgreSQL LISTEN on one dedicated connection per process, shared by every channel and handler
 * (the pool's connections come and go, a listening one must stay). When the connection breaks it
 * reconnects with back-off and listens again; notifications sent meanwhile are lost, so a
 * listener always keeps a slower fallback (the outbox relay polls).
 */
export class PostgresListener {
  private client: pg.Client | undefined
  private connecting: Promise<pg.Client> | undefined
  private readonly handlers = new Map<string, Set<NotificationHandler>>()
  private retryTimer: NodeJS.Timeout | undefined
  private failures = 0
  private closed = false

  constructor(private readonly config: pg.ClientConfig) {}

  /** Best effort: resolves once listening, or once a reconnection is scheduled if the server is down. */
  async listen(channel: string, handler: NotificationHandler): Promise<Unlisten> {
    const set = this.handlers.get(channel) ?? new Set()
    const fresh = set.size === 0
    set.add(handler)
    this.handlers.set(channel, set)
    if (fresh) {
      try {
        const client = await this.connect()
        await client.query(`listen ${pg.escapeIdentifier(channel)}`)
      } catch {
        this.reconnectLater()
      }
    }
    return async () => {
      set.delete(handler)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.retryTimer)
    const client = this.client ?? (await this.connecting?.catch(() => undefined))
    this.client = undefined
    await client?.end().catch(() => {})
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client)
    this.connecting ??= (async () => {
      const client = new pg.Client(this.config)
      client.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '')
      })
      client.on('error', () => this.lost(client))
      client.on('end', () => this.lost(client))
      try {
        await client.connect()
        for (const channel of this.handlers.keys())
          await client.query(`listen ${pg.escapeIdentifier(channel)}`)
      } catch (error) {
        await client.end().catch(() => {})
        throw error
      } finally {
        this.connecting = undefined
      }
      this.client = client
      this.failures = 0
      return client
    })()
    return this.connecting
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return
    this.client = undefined
    client.end().catch(() => {})
    this.reconnectLater()
  }

  private reconnectLater(): void {
    if (this.closed || this.retryTimer) return
    const delay = Math.min(30_000, 250 * 2 ** Math.min(this.failures++, 7))
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      if (this.closed || this.client) return
      this.connect().catch(() => this.reconnectLater())
    }, delay)
    this.retryTimer.unref?.()
  }
}
