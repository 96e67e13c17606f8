export { WebConfig, WebEmbeddedConfig } from './config.js'
export { STAFF_ROUTE_LIST } from './routes/staff/index.js'
export { webModule } from './service.js'
export { accessiblePrimary, contrast, parseHex } from './theme.js'
