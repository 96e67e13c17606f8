import type { ChildProcess } from 'node:child_process'
import { describeWithNats, infrastructure } from '@osinum/testing'
import { afterAll, expect, it } from 'vitest'
import { startStandalone } from './standalone.js'

const infra = infrastructure()

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

  it.skipIf(!infra.databaseUrl.startsWith('postgres'))(
    'answers every request sent until the balancer removed it, then exits 0',
    async () => {
      // The clients send as fast as the service answers: the per-IP rate limit is not under test here.
      const { child, base, exited } = await startStandalone('catalogue', {
        SHUTDOWN_DELAY_SECONDS: '2',
        RATE_LIMIT_MAX: '1000000',
      })
      children.push(child)

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
