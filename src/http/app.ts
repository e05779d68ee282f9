// The Fastify application: security plugins, the one error handler, and the routes. Built here, started by
// src/main.ts, exercised with app.inject() in the tests.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Db, Engine } from '../db/database.ts';
import type { Calendar } from '../calendar/model.ts';
import { loadCalendar } from '../calendar/store.ts';
import { apiRoutes } from '../applications/api-routes.ts';
import { publicApplicationRoutes } from '../applications/public-routes.ts';
import type { ApplicationDeps } from '../applications/routes.ts';
import { staffApplicationRoutes } from '../applications/staff-routes.ts';
import { readerRoutes } from '../reader/routes.ts';
import { publicPages, staffPages } from '../web/routes.ts';
import { renderError } from '../web/pages/error.tsx';
import { authRoutes, staffGuard } from './auth.ts';
import { HttpError, translateError } from './errors.ts';
import { healthRoutes } from './health.ts';
import { sendHtml, wantsJson } from './reply.ts';
import {
  FOREIGN_ORIGIN_MESSAGE,
  RATE_LIMITED_MESSAGE,
  fromOwnSite,
  globalRateLimit,
  helmetOptions,
  stateChangingMethods,
} from './security.ts';

export interface AppOptions {
  db: Db;
  engine: Engine;
  /** Log level and destination (default: info, to stdout), or false for none. Redaction is always on. */
  logger?: false | { level?: string; stream?: { write(line: string): void } };
  /** The site is served over HTTPS (directly or behind a TLS proxy): Secure cookie, HSTS, upgrade-insecure-requests. */
  https?: boolean;
  /** The working-day calendar (default: the shipped schedules and those imported into dataDir). */
  calendar?: Calendar;
  /** Where imported holiday schedules are (config.dataDir). */
  dataDir?: string;
  /** The clock (default: the system's); tests set it to a day of their story. */
  now?: () => Date;
  /** New applications per minute from one address (default 20). */
  submitLimit?: number;
}

/** Personal and secret fields that never reach a log line. */
const redactedLogPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'body',
  '*.body',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.address',
  '*.email',
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, engine } = options;
  const https = options.https ?? false;
  const deps: ApplicationDeps = { db, calendar: options.calendar ?? loadCalendar(options.dataDir), now: options.now ?? (() => new Date()), submitLimit: options.submitLimit ?? 20 };
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: options.logger?.level ?? 'info', stream: options.logger?.stream, redact: { paths: redactedLogPaths, censor: '[redacted]' } },
    bodyLimit: 1024 * 1024,
  });

  app.setErrorHandler((error, request, reply) => {
    const { error: httpError, unexpected } = translateError(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, httpError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new HttpError(404, '您访问的页面不存在')));

  await app.register(helmet, helmetOptions(https));
  await app.register(rateLimit, {
    ...globalRateLimit,
    errorResponseBuilder: (_request, context) => new HttpError(context.statusCode, RATE_LIMITED_MESSAGE),
  });
  await app.register(cookie);
  await app.register(formbody);
  app.decorateRequest('staff', null);

  app.addHook('onRequest', async (request) => {
    if (stateChangingMethods.has(request.method) && !fromOwnSite(request.headers, request.host)) {
      throw new HttpError(403, FOREIGN_ORIGIN_MESSAGE);
    }
  });
  // Pages carry names and case details: no caching unless a route says otherwise (the stylesheet does).
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  await app.register(healthRoutes, { db, engine });
  await app.register(publicPages, { db });
  await app.register(readerRoutes);
  await app.register(publicApplicationRoutes, deps);
  await app.register(authRoutes, { db, secureCookie: https });
  await app.register(
    async (staff) => {
      staff.addHook('onRequest', staffGuard(db));
      await staff.register(staffPages, { db });
      await staff.register(staffApplicationRoutes, deps);
    },
    { prefix: '/staff' },
  );
  await app.register(apiRoutes, { ...deps, prefix: '/api/v1' } as ApplicationDeps);
  return app;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  if (wantsJson(request)) {
    return reply.code(error.status).send({ error: { message: error.message, ...(error.field ? { field: error.field } : {}) } });
  }
  return sendHtml(reply, renderError({ status: error.status, message: error.message }), error.status);
}
