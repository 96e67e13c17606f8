import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describeWithNats, freePort, infrastructure, uniqueName } from '@osinum/testing'
import { afterAll, expect, it } from 'vitest'

const infra = infrastructure()
const server = fileURLToPath(new URL('../services/catalogue/dist/server.js', import.meta.url))

/**
 * A rolling upgrade, as a cluster does it: SIGTERM, and a load balancer that stops sending new
 * requests only once it notices (here: when a readiness poll, every 200 ms, gets no 200). Clients
 * keep their connections alive. With SHUTDOWN_DELAY_SECONDS the process keeps serving until the
 * balancer has noticed, so no request fails.
 */
describeWithNats('a service drains through SIGTERM without a failed request', () => {
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  })

  it.skipIf(!existsSync(server) || !infra.databaseUrl.startsWith('postgres'))(
    'answers every request sent until the balancer removed it, then exits 0',
    async () => {
      const port = await freePort()
      const child = spawn(process.execPath, [server], {
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          DATABASE_URL: infra.databaseUrl,
          DATABASE_SCHEMA: uniqueName('drain_catalogue'),
          NATS_URL: infra.natsUrl!,
          EVENTS_NAMESPACE: uniqueName('drain'),
          OTEL_SDK_DISABLED: 'true',
          SHUTDOWN_DELAY_SECONDS: '2',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      children.push(child)
      let stderr = ''
      child.stderr!.on('data', (d) => {
        stderr += d
      })
      const base = `http://127.0.0.1:${port}`
      let ready = false
      while (!ready && child.exitCode === null) {
        ready = (await fetch(`${base}/readyz`).catch(() => undefined))?.status === 200
        if (!ready) await new Promise((r) => setTimeout(r, 100))
      }
      expect(ready, `not ready: ${stderr}`).toBe(true)

      let removed = false
      const balancer = (async () => {
        while (!removed) {
          await new Promise((r) => setTimeout(r, 200))
          const status = await fetch(`${base}/readyz`)
            .then((r) => r.status)
            .catch(() => 0)
          if (status !== 200) removed = true
        }
      })()
      const failures: string[] = []
      let answered = 0
      let afterSigterm = 0
      let sigtermSent = false
      const client = async () => {
        while (!removed) {
          const res = await fetch(`${base}/v1/categories`).catch((e: Error) => e)
          if (res instanceof Error)
            failures.push(`${res.message} ${String((res as { cause?: unknown }).cause)}`)
          else {
            await res.arrayBuffer()
            if (res.status !== 200) failures.push(`HTTP ${res.status}`)
            else {
              answered++
              if (sigtermSent) afterSigterm++
            }
          }
        }
      }
      const clients = Array.from({ length: 4 }, client)
      await new Promise((r) => setTimeout(r, 500))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      sigtermSent = true
      await Promise.all([balancer, ...clients])

      expect(failures).toEqual([])
      expect(answered).toBeGreaterThan(0)
      expect(afterSigterm).toBeGreaterThan(0)
      expect(await exited).toBe(0)
    },
  )
})
