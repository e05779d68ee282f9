// A JSON API as one table of routes: each entry is registered on Fastify and described in the OpenAPI document
// (openapi.ts) from the same zod schemas, so the document cannot say one thing while the route checks another.
// Inputs are parsed before the handler runs: path parameters (a bad one is 404: the address names nothing),
// the query string and the JSON body (422 naming the field). Bodies are JSON only: 415 otherwise, which also
// keeps cross-site HTML forms out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { HttpError } from './errors.ts';
import type { ResponseDoc, RouteDoc } from './openapi.ts';
import { SESSION_COOKIE } from './sessions.ts';

/** The security scheme of the staff session cookie. */
export const SESSION_SCHEME = 'session';
export const sessionSecurityScheme = { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: '登录后服务器设置的会话 Cookie' };

/** The name of the error schema in the document's components (`{error:{message, field?}}`). */
export const ERROR_SCHEMA = 'Error';

export interface Inputs<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

export type Access = 'public' | 'staff';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject>
  extends Omit<RouteDoc, 'body' | 'query' | 'params' | 'security' | 'tags'> {
  /** public: anyone; staff: behind the staff guard (the caller registers these in a guarded scope). */
  access: Access;
  tag: string;
  body?: B;
  query?: Q;
  params?: P;
  /** @fastify/rate-limit settings of this route (per client address). */
  rateLimit?: { max: number; timeWindow: string };
  bodyLimit?: number;
  handle(request: FastifyRequest, reply: FastifyReply, input: Inputs<z.output<B>, z.output<Q>, z.output<P>>): Promise<unknown>;
}

export interface ApiRoute extends RouteDoc {
  access: Access;
  rateLimit?: { max: number; timeWindow: string };
  bodyLimit?: number;
  handle(request: FastifyRequest, reply: FastifyReply, input: Inputs<unknown, unknown, unknown>): Promise<unknown>;
}

export const errorResponse = (description: string): ResponseDoc => ({ description, schema: ERROR_SCHEMA });
export const jsonResponse = (description: string, schema: z.ZodType): ResponseDoc => ({ description, schema });

/** A route of the table, its documentation completed with the error answers every route of its kind can give. */
export function defineRoute<B extends z.ZodType = z.ZodNever, Q extends z.ZodObject = z.ZodObject, P extends z.ZodObject = z.ZodObject>(
  spec: RouteSpec<B, Q, P>,
): ApiRoute {
  const { access, tag, handle, responses, ...rest } = spec;
  const errors: Record<number, ResponseDoc> = {};
  if (spec.body) {
    errors[400] = errorResponse('请求体不是合法的 JSON 对象');
    errors[415] = errorResponse('请求体不是 JSON');
  }
  if (spec.body || spec.query) errors[422] = errorResponse('内容不正确：message 说明原因，field 指出字段');
  if (access === 'staff') errors[401] = errorResponse('未登录或会话已过期');
  if (spec.rateLimit) errors[429] = errorResponse('请求过于频繁');
  return {
    ...rest,
    access,
    tags: [tag],
    ...(access === 'staff' ? { security: [SESSION_SCHEME] } : {}),
    responses: { ...errors, ...responses },
    handle: handle as ApiRoute['handle'],
  };
}

/** How the table's inputs are parsed: the value, or an HttpError of `status` naming the field. */
export type Parse = <T extends z.ZodType>(schema: T, input: unknown, status?: number) => z.output<T>;

function isJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/** Registers one route of the table on `scope` (which carries the guard of its access). */
export function registerRoute(scope: FastifyInstance, route: ApiRoute, parse: Parse): void {
  scope.route({
    method: route.method,
    url: route.url,
    ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
    ...(route.rateLimit ? { config: { rateLimit: route.rateLimit } } : {}),
    handler: async (request, reply) => {
      const params = route.params ? parse(route.params, request.params, 404) : {};
      const query = route.query ? parse(route.query, request.query) : {};
      let body: unknown;
      if (route.body) {
        if (request.body === undefined || request.body === null) throw new HttpError(400, '请求体为空，请以 JSON 提交');
        if (!isJson(request)) throw new HttpError(415, '请求体须为 JSON（Content-Type: application/json）');
        if (typeof request.body !== 'object' || Array.isArray(request.body)) throw new HttpError(400, '请求体应为 JSON 对象');
        body = parse(route.body, request.body);
      }
      return route.handle(request, reply, { params, query, body });
    },
  });
}

/** A file to download; its name in UTF-8 (RFC 6266 / RFC 5987) with an ASCII fallback for old clients. */
export function sendFile(reply: FastifyReply, bytes: Uint8Array, type: string, filename: string, headers: Record<string, string> = {}): FastifyReply {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  reply.type(type).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
