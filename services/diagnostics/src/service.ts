import { defineService, type ServiceModule } from '@osinum/service-kit'
import { accompanimentCommands } from './accompaniment/commands.js'
import { buildApp } from './app.js'
import { type DiagnosticsConfig, DiagnosticsConfigSchema } from './config.js'
import { Panorama } from './domain/panorama.js'
import { defaultReferential, Referential, type ReferentialOptions } from './domain/referential.js'
import { migrations } from './migrations/index.js'
import { seedDemo } from './seed/index.js'

/**
 * The diagnostics service. Tests pass extra data (e.g. the v2 questionnaire fixture) to prove that
 * versions coexist; production uses the shipped data only.
 */
export function createDiagnosticsService(options: ReferentialOptions = {}): ServiceModule<DiagnosticsConfig> {
  const referential =
    options.questionnaires || options.rules || options.mappings
      ? new Referential(options)
      : defaultReferential()
  return defineService<DiagnosticsConfig>({
    name: 'diagnostics',
    title: 'osinum diagnostics API',
    description: 'Self-diagnostic, scoring, recommendations, benchmarks, panorama, accompaniment',
    config: DiagnosticsConfigSchema,
    migrations,
    plugin: buildApp(referential),
    seed: (ctx) => seedDemo(ctx, referential),
    commands: {
      ...accompanimentCommands,
      /** `node dist/cli.js panorama-release`: computes the next panorama release now (e.g. from a CronJob). */
      async 'panorama-release'(ctx: import('@osinum/service-kit').CommandContext) {
        const config = ctx.config as unknown as DiagnosticsConfig
        const panorama = new Panorama(ctx.db as never, {
          minGroupSize: config.PANORAMA_MIN_GROUP_SIZE,
          indicators: referential.indicators(1),
        })
        const outcome = await panorama.release()
        ctx.log(
          outcome.number === null
            ? `panorama: no new release (${outcome.held} change(s) held for a later one)`
            : `panorama: release ${outcome.number} published (${outcome.held} change(s) held)`,
        )
      },
    } as never,
  })
}

export const diagnosticsService = createDiagnosticsService()
