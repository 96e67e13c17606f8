import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ciValuesFiles, lint, render } from '../src/helm.js'
import { validateObject } from '../src/models.js'

const files = ciValuesFiles()

describe('chart ci values', () => {
  it('has the minimal and production values files', () => {
    expect(files.map((f) => basename(f))).toEqual(
      expect.arrayContaining(['minimal-values.yaml', 'production-values.yaml']),
    )
  })

  describe.each(files.map((f) => [basename(f), f]))('%s', (_name, file) => {
    it('passes helm lint --strict', () => {
      const result = lint({ files: [file] })
      expect(result.stderr + result.stdout).toContain('0 chart(s) failed')
      expect(result.status, result.stderr + result.stdout).toBe(0)
    })

    it('renders objects that each validate against their kubernetes-models schema', () => {
      const objects = render({ files: [file] })
      expect(objects.length).toBeGreaterThan(0)
      for (const object of objects) {
        expect(() => validateObject(object)).not.toThrow()
      }
    })

    it('renders names that are valid DNS labels, in the release namespace', () => {
      for (const object of render({ files: [file] })) {
        expect(object.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/)
        expect(object.metadata.namespace).toBe('osinum')
        expect(object.metadata.labels?.['app.kubernetes.io/instance']).toBe('osinum')
        expect(object.metadata.labels?.['app.kubernetes.io/name']).toBe('osinum')
      }
    })
  })
})

describe('model validation catches broken objects', () => {
  it('rejects a Deployment whose container port is not a number', () => {
    const [deployment] = render({ files: [files[0] as string] }).filter((o) => o.kind === 'Deployment')
    const broken = structuredClone(deployment)
    broken!.spec.template.spec.containers[0].ports[0].containerPort = 'http'
    expect(() => validateObject(broken!)).toThrow(/containerPort/)
  })

  it('refuses a kind it has no model for', () => {
    expect(() =>
      validateObject({
        apiVersion: 'example.org/v1',
        kind: 'Widget',
        metadata: { name: 'w', labels: {}, annotations: {} },
      }),
    ).toThrow(/no kubernetes-models class/)
  })
})
