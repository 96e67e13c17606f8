import type { FastifyInstance } from 'fastify'
import { render } from '../../view.js'
import { homePage } from './home.html.js'

export default async function homeRoutes(app: FastifyInstance) {
  app.get('/', async (request, reply) => render(request, reply, homePage))
}
