import type { FastifyInstance } from 'fastify'
import type { PageProblem } from '../../problems.js'
import { pageProblem } from '../../problems.js'
import { render } from '../../view.js'
import { comparePage } from './compare.html.js'
import { Filters } from './filters.js'
import { SLUG } from './not-found.js'

const COUNT: PageProblem = {
  message: 'Pour comparer, choisissez de 2 à 4 outils.',
  fields: [],
}

/** `/catalogue/comparer?outils=a,b` (or `?outils=a&outils=b`, as the search page's boxes send them). */
export default async function compareRoutes(app: FastifyInstance) {
  app.get('/catalogue/comparer', async (request, reply) => {
    const slugs = Filters.of(request.query, ['outils'])
      .get('outils')
      .filter((s) => SLUG.test(s))
    if (slugs.length < 2 || slugs.length > 4)
      return render(request, reply, (ctx) => comparePage(ctx, { problem: COUNT }))
    const api = await request.server.web.api(request)
    const { data, error } = await api.GET('/v1/tools/compare', {
      params: { query: { slugs: slugs.join(',') } },
    })
    return render(request, reply, (ctx) =>
      comparePage(ctx, { comparison: data, problem: data ? undefined : pageProblem(error) }),
    )
  })
}
