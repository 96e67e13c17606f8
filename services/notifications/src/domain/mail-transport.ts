import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type { StoredEmail } from './db.js'

/** Where emails go: an SMTP server, or the development mailbox of the embedded demo. */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox'
  send(message: StoredEmail): Promise<{ response: string }>
  close(): Promise<void>
}

function toNodemailer(from: string, m: StoredEmail) {
  return {
    from,
    to: m.to.name ? { name: m.to.name, address: m.to.address } : m.to.address,
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: m.headers,
    messageId: m.messageId,
    attachments: m.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
    // Message content never reads local files or fetches URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

/** SMTP through nodemailer's pool (`SMTP_URL`: smtp:// with STARTTLS when offered, or smtps://). */
export function smtpTransport(options: { url: string; from: string; poolSize: number }): MailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.poolSize,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as never)
  return {
    kind: 'smtp',
    async send(message) {
      const info = await transporter.sendMail(toNodemailer(options.from, message))
      return { response: String((info as { response?: string }).response ?? 'accepted') }
    },
    async close() {
      transporter.close()
    },
  }
}

export interface MailboxEntry {
  id: string
  to: string
  subject: string
  date: string
  links: string[]
  text: string
  html: string
}

/** http(s) links of a text body (the demo reads the magic link from here). */
export function extractLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])]
}

/**
 * The development mailbox (embedded mode without SMTP_URL): each email is written as `<id>.eml`
 * (the raw RFC 5322 message, openable in any mail client) plus `<id>.json` (what the
 * `/v1/dev/mailbox` endpoint lists). Files are written atomically (temp file, then rename).
 */
export class DevMailbox implements MailTransport {
  readonly kind = 'mailbox' as const
  private readonly composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'crlf',
  })

  constructor(
    readonly dir: string,
    private readonly from: string,
  ) {}

  async send(message: StoredEmail): Promise<{ response: string }> {
    const info = await this.composer.sendMail(toNodemailer(this.from, message))
    const raw = info.message as Buffer
    await mkdir(this.dir, { recursive: true })
    const id = message.messageId.replace(/^<|@.*$/g, '').replace(/[^A-Za-z0-9-]/g, '')
    const entry: MailboxEntry = {
      id,
      to: message.to.address,
      subject: message.subject,
      date: new Date().toISOString(),
      links: extractLinks(message.text),
      text: message.text,
      html: message.html,
    }
    await atomicWrite(join(this.dir, `${id}.eml`), raw)
    await atomicWrite(join(this.dir, `${id}.json`), JSON.stringify(entry))
    return { response: `250 written to ${id}.eml` }
  }

  async list(): Promise<MailboxEntry[]> {
    let files: string[]
    try {
      files = await readdir(this.dir)
    } catch {
      return []
    }
    const entries: MailboxEntry[] = []
    for (const f of files.filter((f) => f.endsWith('.json'))) {
      try {
        entries.push(JSON.parse(await readFile(join(this.dir, f), 'utf8')) as MailboxEntry)
      } catch {
        // a file being written or damaged: skip it
      }
    }
    return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1))
  }

  async get(id: string): Promise<{ entry: MailboxEntry; raw: Buffer } | null> {
    if (!/^[A-Za-z0-9-]{1,80}$/.test(id)) return null
    try {
      const entry = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as MailboxEntry
      return { entry, raw: await readFile(join(this.dir, `${id}.eml`)) }
    } catch {
      return null
    }
  }

  async close(): Promise<void> {}
}

async function atomicWrite(path: string, content: string | Buffer): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, content)
  await rename(tmp, path)
}
