import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort, infrastructure, uniqueName } from '@osinum/testing'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The built server of a service, as a container runs it. */
export const serverOf = (service: string) => `${root}services/${service}/dist/server.js`

export interface Standalone {
  child: ChildProcess
  base: string
  /** What the process wrote on stderr so far. */
  stderr(): string
  /** Resolves with the exit code. */
  exited: Promise<number | null>
}

/**
 * Starts one service alone on the shared PostgreSQL and NATS (a schema and a namespace of its
 * own) and waits until it is ready (or has exited).
 */
export async function startStandalone(
  service: string,
  env: Record<string, string> = {},
  /** How to start it (default: the workspace's built server); `cwd` for an installed copy. */
  command: { args: string[]; cwd?: string } = { args: [serverOf(service)] },
): Promise<Standalone> {
  const infra = infrastructure()
  const port = await freePort()
  const child = spawn(process.execPath, command.args, {
    ...(command.cwd ? { cwd: command.cwd } : {}),
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: infra.databaseUrl,
      DATABASE_SCHEMA: uniqueName(`sa_${service}`),
      NATS_URL: infra.natsUrl!,
      EVENTS_NAMESPACE: uniqueName('sa'),
      OTEL_SDK_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => {
    stderr += d
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 45_000
  let ready = false
  while (!ready && Date.now() < deadline && child.exitCode === null) {
    ready = (await fetch(`${base}/readyz`).catch(() => undefined))?.status === 200
    if (!ready) await new Promise((r) => setTimeout(r, 100))
  }
  if (!ready) {
    child.kill('SIGKILL')
    throw new Error(`${service} not ready: ${stderr}`)
  }
  return { child, base, stderr: () => stderr, exited }
}
