import { Type } from 'typebox'
import { accompanimentConfig } from './accompaniment/config.js'

/** Variables diagnostics adds to the base configuration (its accompaniment module's included; all have defaults). */
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

/** The diagnostics configuration as the core reads it. */
export interface DiagnosticsConfig {
  PANORAMA_MIN_GROUP_SIZE: number
  PANORAMA_REFRESH_SECONDS: number
  PANORAMA_RELEASE_INTERVAL_SECONDS: number
}
