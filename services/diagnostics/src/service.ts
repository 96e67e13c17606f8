import { defineService, type ServiceModule } from '@osinum/service-kit'
import { Type } from 'typebox'
import { accompanimentCommands } from './accompaniment/commands.js'
import { accompanimentConfig } from './accompaniment/config.js'
import { buildApp, type DiagnosticsConfig } from './app.js'
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
      'How often the panorama checks for new results (0: at every request); figures may lag by this much',
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
    commands: accompanimentCommands as never,
  })
}

export const diagnosticsService = createDiagnosticsService()
