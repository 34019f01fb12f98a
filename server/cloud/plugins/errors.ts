import { NovaError, badRequest, notFound } from '../errors.ts';
import { appPlugin } from './plugin.ts';

/**
 * Nova's ways of answering: JSON bodies only, request ids on every answer, and one error
 * handler that writes Nova's envelope (`{"itemNotFound": {"code": 404, "message": "..."}}`)
 * for whatever a handler throws.
 */
export default appPlugin('errors', async (app) => {
  // An empty body is "no body" (some clients send Content-Type on DELETE).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(badRequest('Malformed request body'), undefined);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-openstack-request-id', req.id);
    reply.header('x-compute-request-id', req.id);
    return payload;
  });

  app.setErrorHandler((err: Error, req, reply) => {
    const { code, statusCode, validation } = err as Error & { code?: string; statusCode?: number; validation?: unknown };
    let e: NovaError;
    if (err instanceof NovaError) e = err;
    else if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') e = new NovaError(413, 'Request is too large.');
    else if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') e = new NovaError(415, 'Unsupported Content-Type');
    else if (validation) e = badRequest(`Invalid input for field/attribute: ${err.message}`);
    else if (statusCode && statusCode < 500) e = new NovaError(statusCode, err.message);
    else {
      req.log.error(err);
      e = new NovaError(500, 'Unexpected API Error. Please report this and attach the request id.');
    }
    void reply.code(e.status).headers(e.headers).send(e.body());
  });

  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(notFound('The resource could not be found.').body());
    req.log.debug({ url: req.url }, 'no route');
  });
});
