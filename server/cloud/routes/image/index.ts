import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NovaError } from '../../errors.ts';
import imageContext from '../../plugins/image-context.ts';
import { imageServiceSchemas as schemas } from '../../schemas/image-service.ts';
import { glanceError } from '../../views/glance-errors.ts';
import { IMAGE_SERVICE_PATH, imageVersions } from '../../views/image-service.ts';
import images from './images.ts';

/** webob's HTTPInternalServerError explanation. */
const SERVER_ERROR = 'The server has either erred or is incapable of performing the requested operation.';

/**
 * The Image API (Glance v2) on this listener under /image, as devstack publishes Glance:
 * the version documents (no token needed), then /v2 behind the token check. Errors are
 * Glance's (webob's HTML, JSON or text), not Nova's envelope.
 */
export default async function imageService(app: FastifyInstance) {
  await app.register(
    async (scope) => {
      const root = (req: FastifyRequest) => `${scope.cloudConfig.publicUrl(req)}${IMAGE_SERVICE_PATH}`;
      const fail = (req: FastifyRequest, status: number, message: string) => glanceError(status, message, req.headers.accept);

      scope.setErrorHandler((err: Error, req, reply) => {
        const { statusCode } = err as Error & { statusCode?: number };
        let e: NovaError;
        if (err instanceof NovaError) e = err;
        else if (statusCode && statusCode < 500) e = new NovaError(statusCode, err.message);
        else {
          req.log.error(err);
          e = new NovaError(500, SERVER_ERROR);
        }
        const { contentType, body } = fail(req, e.status, e.message);
        void reply.code(e.status).headers(e.headers).type(contentType).send(body);
      });

      // Glance's version negotiation: a path that names no version answers the version list.
      scope.setNotFoundHandler((req, reply) => void reply.code(300).send(imageVersions(root(req))));

      scope.get('/', { schema: schemas.versions }, async (req, reply) => reply.code(300).send(imageVersions(root(req))));
      scope.get('/versions', { schema: schemas.versions }, async (req) => imageVersions(root(req)));

      await scope.register(
        async (v2) => {
          await v2.register(imageContext);
          await v2.register(images);
          // After the token check, as in Glance, where keystonemiddleware runs before the router.
          v2.setNotFoundHandler((req, reply) => {
            const { contentType, body } = fail(req, 404, 'The resource could not be found.');
            void reply.code(404).type(contentType).send(body);
          });
        },
        { prefix: '/v2' },
      );
    },
    { prefix: IMAGE_SERVICE_PATH },
  );
}
