#!/usr/bin/env node
// Removes from a `pnpm deploy --prod` folder what a running service never reads: type declarations,
// TypeScript sources, source maps, build info, compiled tests, documentation (licence and notice files are kept:
// they travel with the code they cover), the tests, examples and benchmarks that packages publish
// at their root, and the `@types/*` packages some libraries list as dependencies. Used by deploy/docker/Dockerfile and by the production install test, which then
// starts the pruned service the way its image does.
//
//   node deploy/docker/prune.mjs <deployed folder>     prints what it removed
import { existsSync, lstatSync, readdirSync, readlinkSync, rmSync, statSync, unlinkSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** Type declarations, TypeScript sources, source maps, build info, compiled tests. */
const NEVER_RUN = [/\.[cm]?ts$/, /\.map$/, /\.tsbuildinfo$/, /\.test\.[cm]?js$/]
/** Documentation, but for the licence and notice files that travel with the code they cover. */
const DOCUMENTATION = /\.(md|markdown)$/i
const LICENCE_TEXT = /^(licen[cs]e|copying|notice|authors|patents)/i
const neverRead = (name) =>
  NEVER_RUN.some((re) => re.test(name)) || (DOCUMENTATION.test(name) && !LICENCE_TEXT.test(name))
const TYPES_PACKAGE = /^@types\+/
/** Folders of a published package's root that its code never imports. */
const NOT_CODE = new Set([
  'test',
  'tests',
  '__tests__',
  'example',
  'examples',
  'bench',
  'benchmark',
  'benchmarks',
])

/** What the prune removes, in bytes and files. */
export function prune(root) {
  const removed = { files: 0, bytes: 0 }
  const removeTree = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name)
      if (entry.isDirectory()) removeTree(child)
      else if (entry.isFile()) {
        removed.files += 1
        removed.bytes += lstatSync(child).size
      }
    }
    rmSync(path, { recursive: true, force: true })
  }
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isSymbolicLink()) continue
      if (entry.isDirectory()) {
        if (entry.name === '.bin') continue
        const isPackageRoot = dir.includes('node_modules') && existsSync(join(dir, 'package.json'))
        if (TYPES_PACKAGE.test(entry.name) && dir.endsWith(join('node_modules', '.pnpm'))) removeTree(path)
        else if (isPackageRoot && NOT_CODE.has(entry.name)) removeTree(path)
        else walk(path)
      } else if (entry.isFile() && neverRead(entry.name)) {
        removed.files += 1
        removed.bytes += lstatSync(path).size
        unlinkSync(path)
      }
    }
  }
  walk(root)
  // Links left pointing at a removed @types package.
  const unlinkDangling = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isSymbolicLink()) {
        try {
          statSync(path)
        } catch {
          const target = resolve(dirname(path), readlinkSync(path))
          if (target.includes('@types+')) unlinkSync(path)
        }
      } else if (entry.isDirectory()) unlinkDangling(path)
    }
  }
  unlinkDangling(root)
  return removed
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2]
  if (!root) {
    console.error('usage: node deploy/docker/prune.mjs <deployed folder>')
    process.exit(2)
  }
  const { files, bytes } = prune(resolve(root))
  console.log(`pruned ${files} files (${(bytes / 1e6).toFixed(1)} MB) never read at run time from ${root}`)
}
