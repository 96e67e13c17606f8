// Regenerates openapi.json (the merged document of the five services) and src/schema.d.ts.
// `--check` fails when the committed files are stale (run by `pnpm test` in CI).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildPlatform } from '@osinum/platform'
import openapiTS, { astToString } from 'openapi-typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')

const { host } = await buildPlatform({
  env: {
    DATABASE_URL: 'pglite://memory',
    NATS_URL: 'memory:',
    OSINUM_SEED: 'false',
    LOG_LEVEL: 'silent',
    PORT: '3000',
  },
  logger: false,
})
const document = host.app.swagger()
await host.close()

const sortKeys = (value) =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sortKeys(value[k])]),
        )
      : value
const json = `${JSON.stringify({ ...document, paths: sortKeys(document.paths) }, null, 2)}\n`
const ast = await openapiTS(JSON.parse(json))
const types = `/* Generated from openapi.json by scripts/generate.mjs — do not edit. */\n${astToString(ast)}`

const outputs = [
  [join(root, 'openapi.json'), json],
  [join(root, 'src', 'schema.d.ts'), types],
]
const stale = []
for (const [file, content] of outputs) {
  let current = ''
  try {
    current = readFileSync(file, 'utf8')
  } catch {}
  if (current !== content) {
    if (check) stale.push(file.slice(root.length + 1))
    else writeFileSync(file, content)
  }
}
if (stale.length) {
  console.error(
    `@osinum/client is stale (${stale.join(', ')}): run \`pnpm client:generate\` and commit the result.`,
  )
  process.exit(1)
}
console.log(
  check
    ? '@osinum/client is up to date'
    : `@osinum/client generated (${Object.keys(document.paths).length} paths)`,
)
process.exit(0)
