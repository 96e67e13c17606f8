import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket()
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
      s.connect(port, '127.0.0.1')
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`)
}

export interface PrivateServer {
  url: string
  port: number
  /** Stops the server (SIGTERM, waits for exit). */
  stop(): Promise<void>
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>
  /** Stops it and deletes its data. */
  destroy(): Promise<void>
}

function which(cmd: string, fallbacks: string[]): string | undefined {
  for (const f of fallbacks) if (existsSync(f)) return f
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

export const natsServerBinary = () =>
  which('nats-server', ['/usr/sbin/nats-server', '/usr/local/bin/nats-server'])

/** A private `nats-server -js` on a free port, for fault tests (never the shared one). */
export async function startPrivateNats(): Promise<PrivateServer> {
  const bin = natsServerBinary()
  if (!bin) throw new Error('nats-server binary not found (apt-get install nats-server)')
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'osinum-nats-'))
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' })
    await waitForPort(port)
  }
  const stop = async () => {
    if (!child || child.exitCode !== null) return
    const c = child
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve())
      c.kill('SIGTERM')
    })
  }
  await start()
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface PrivateCluster {
  /** Comma-separated client URLs of every node (what NATS_URL takes). */
  url: string
  nodes: PrivateServer[]
  destroy(): Promise<void>
}

/**
 * A private JetStream cluster of `size` `nats-server` processes (routes between them on free
 * ports), for tests of replicated streams; never the shared server.
 */
export async function startPrivateNatsCluster(size = 3): Promise<PrivateCluster> {
  const bin = natsServerBinary()
  if (!bin) throw new Error('nats-server binary not found (apt-get install nats-server)')
  const ports = await Promise.all(Array.from({ length: size }, () => freePort()))
  const routePorts = await Promise.all(Array.from({ length: size }, () => freePort()))
  const routes = routePorts.map((p) => `nats://127.0.0.1:${p}`).join(',')
  const nodes: PrivateServer[] = []
  const children: Array<ChildProcess | undefined> = []
  for (let i = 0; i < size; i++) {
    const dir = mkdtempSync(join(tmpdir(), `osinum-nats-c${i}-`))
    const port = ports[i]!
    const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir, '-n', `osinum-test-${i}`]
    args.push('--cluster_name', 'osinum-test', '--cluster', `nats://127.0.0.1:${routePorts[i]}`)
    args.push('--routes', routes)
    const start = async () => {
      children[i] = spawn(bin, args, { stdio: 'ignore' })
      await waitForPort(port)
    }
    const stop = async () => {
      const c = children[i]
      if (!c || c.exitCode !== null) return
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve())
        c.kill('SIGTERM')
      })
    }
    nodes.push({
      url: `nats://127.0.0.1:${port}`,
      port,
      start,
      stop,
      destroy: async () => {
        await stop()
        rmSync(dir, { recursive: true, force: true })
      },
    })
  }
  await Promise.all(nodes.map((n) => n.start()))
  return {
    url: nodes.map((n) => n.url).join(','),
    nodes,
    destroy: async () => {
      await Promise.all(nodes.map((n) => n.destroy()))
    },
  }
}

function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin')
  }
  const initdb = which('initdb', [])
  return initdb ? join(initdb, '..') : undefined
}

/** A private PostgreSQL (initdb in a temp folder, trust auth) on a free port, for fault tests. */
export async function startPrivatePostgres(): Promise<PrivateServer> {
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found')
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'osinum-pg-'))
  const asRoot = process.getuid?.() === 0
  // PostgreSQL refuses to run as root: run it as the `postgres` system user then.
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'ignore' })
      : execFileSync(join(bin, tool), args, { stdio: 'ignore' })
  if (asRoot) {
    chmodSync(dir, 0o777)
    execFileSync('chown', ['postgres', dir])
  }
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  const start = async () => {
    run('pg_ctl', ['-D', data, '-o', opts, '-w', '-l', join(dir, 'log'), 'start'])
    await waitForPort(port)
  }
  const stop = async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
    } catch {
      // already stopped
    }
  }
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
