/** What a slug of the catalogue, resources and trainings looks like; anything else is not a page. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/

/** Thrown by a page whose thing does not exist: the French 404 page (the pages' error handler). */
export const notFound = () => Object.assign(new Error('not found'), { statusCode: 404 })

/** An id of the API (UUID), as forms send it back. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
