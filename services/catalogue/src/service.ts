import { readFile } from 'node:fs/promises'
import { defineService } from '@osinum/service-kit'
import { app } from './app.js'
import { type CatalogueConfig, CatalogueConfigSchema } from './config.js'
import type { Db } from './domain/db.js'
import { type ImportFormat, runImport } from './domain/import.js'
import { readImportFile } from './domain/import-file.js'
import { IMPORT_FORMATS } from './domain/import-parse.js'
import { loadTools, type ToolInput } from './domain/tools.js'
import { migrations } from './migrations/index.js'
import { seedCatalogue } from './seed/index.js'

export const catalogueService = defineService<CatalogueConfig>({
  name: 'catalogue',
  title: 'osinum catalogue API',
  description: 'Tools chosen for sovereignty, security and sobriety',
  config: CatalogueConfigSchema,
  migrations,
  plugin: app as never,
  seed: async (ctx) => seedCatalogue({ db: ctx.db as Db, schema: ctx.schema }),
  commands: {
    /** `load-tools <file.json> [--draft]`: bulk-loads tools in the seed format, skipping existing slugs. */
    'load-tools': async (ctx, args) => {
      const file = args.find((a) => !a.startsWith('--'))
      if (!file) throw new Error('usage: load-tools <file.json> [--draft]')
      const tools = JSON.parse(await readFile(file, 'utf8')) as ToolInput[]
      const result = await loadTools({ db: ctx.db as Db, schema: ctx.schema }, tools, {
        status: args.includes('--draft') ? 'draft' : 'published',
        action: 'imported',
      })
      ctx.log(`loaded ${result.inserted} tools, ${result.skipped} already present`)
    },
    /**
     * `import <file> [--format <format>] [--dry-run]`: the same import as POST /v1/catalogue/imports
     * (SILL files as published, Comptoir du Libre, this catalogue's export.json / export.csv).
     */
    import: async (ctx, args) => {
      const i = args.indexOf('--format')
      const format = i >= 0 ? (args[i + 1] as ImportFormat) : undefined
      const file = args.find((a, k) => !a.startsWith('--') && (i < 0 || k !== i + 1))
      if (!file) throw new Error(`usage: import <file> [--format ${IMPORT_FORMATS.join('|')}] [--dry-run]`)
      if (format && !IMPORT_FORMATS.includes(format)) throw new Error(`unknown format ${format}`)
      const report = await runImport(
        { db: ctx.db as Db, schema: ctx.schema },
        await readImportFile(await readFile(file), format),
        { actor: null, dryRun: args.includes('--dry-run'), reportLimit: 0 },
      )
      ctx.log(
        `${report.format}${report.dryRun ? ' (dry run, nothing written)' : ''}: ${report.created} created (drafts), ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped, ${report.refused} refused, ${report.conflicts} with conflicts; report ${report.id}`,
      )
      for (const w of report.warnings) ctx.log(`warning ${w.field}: ${w.message}`)
      if (report.warningsTotal > report.warnings.length)
        ctx.log(
          `… and ${report.warningsTotal - report.warnings.length} more warnings (GET /v1/catalogue/imports/${report.id})`,
        )
    },
  },
})
