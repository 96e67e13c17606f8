import type { DiagnosticsContext } from '../domain/diagnostics.js'
import type { Panorama } from '../domain/panorama.js'

/** What the route plugins of this service receive. */
export interface RouteOptions {
  ctx: DiagnosticsContext
  panorama: Panorama
}
