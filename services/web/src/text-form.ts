import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Api, Problem } from './api.js'
import { bodyText } from './forms.js'
import { notFoundPage, type PageProblem, pageProblem } from './problems.js'
import { flash } from './session.js'
import { redirect } from './view.js'

/**
 * The POST of a form with one text field (a message, a comment, a reply): an empty text is
 * refused next to the field; the API's 403/404 (not the person's, or gone) is the French 404
 * page; another refusal is shown next to the field, the text kept; a success is flashed and
 * redirected (POST-redirect-GET).
 */
export async function postText<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  o: {
    /** The field's name in the form. */
    field: string
    /** « votre commentaire »: the field in a sentence. */
    label: string
    empty: { message: string; hint: string }
    send: (api: Api, text: string) => Promise<{ data?: T; error?: Partial<Problem>; response: Response }>
    /** The page again, with the problem (and the text written). */
    again: (text: string, problem: PageProblem) => Promise<FastifyReply>
    /** What a 409 means here (a closed request…). */
    conflict?: string
    done: (data: T) => { message: string; to: string }
  },
): Promise<FastifyReply> {
  const text = bodyText(request, o.field)
  if (!text)
    return o.again('', { message: o.empty.message, fields: [{ field: o.field, message: o.empty.hint }] })
  const { data, error, response } = await o.send(await request.server.web.api(request), text)
  if (response.status === 404 || response.status === 403) throw notFoundPage()
  if (data === undefined || !response.ok)
    return o.again(
      text,
      response.status === 409 && o.conflict
        ? { message: o.conflict, fields: [] }
        : pageProblem(error, { [o.field]: { field: o.field, label: o.label } }),
    )
  const next = o.done(data)
  flash(request, next.message)
  return redirect(reply, next.to)
}
