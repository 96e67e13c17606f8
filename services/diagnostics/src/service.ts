import { defineService, type ServiceModule } from '@osinum/service-kit'
import { Type } from 'typebox'
import { accompanimentCommands } from './accompaniment/commands.js'
import { accompanimentConfig } from './accompaniment/config.js'
import { buildApp, type DiagnosticsConfig } from './app.js'
import { Panorama } from './domain/panorama.js'
import { defaultReferential, Referential, type ReferentialOptions } from './domain/referential.js'
import { migrations } from './migrations/index.js'
import { seedDemo } from './seed.js'

export const DiagnosticsConfigSchema = Type.Object({
  ...accompanimentConfig.properties,
  PANORAMA_MIN_GROUP_SIZE: Type.Integer({
    minimum: 2,
    maximum: 1000,
    default: 10,
    description: 'Smallest group of collectivités the panorama and peer benchmarks ever publish',
  }),
  PANORAMA_REFRESH_SECONDS: Type.Integer({
    minimum: 0,
    maximum: 86_400,
    default: 60,
    description:
      'How often the panorama checks for a new release (0: at every request); figures may lag by this much',
  }),
  PANORAMA_RELEASE_INTERVAL_SECONDS: Type.Integer({
    minimum: 0,
    maximum: 31_536_000,
    default: 86_400,
    description:
      'The panorama is published as dated releases, at most one per interval (0: as soon as results change); changes that could be told apart (fewer than k) wait for a later release',
  }),
})

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
