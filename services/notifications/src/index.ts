export { signWebhook, verifyWebhook } from './domain/webhooks.js'
export { notificationsService } from './service.js'
