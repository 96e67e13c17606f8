import type { Counter } from '@osinum/service-kit'
import type { DiagnosticsContext } from '../domain/diagnostics.js'
import type { Panorama } from '../domain/panorama.js'

/** What the route plugins of this service receive. */
export interface RouteOptions {
  ctx: DiagnosticsContext
  panorama: Panorama
  /** `osinum_diagnostics_submitted_total`, counted once a submission has committed. */
  submitted: Counter
}
