// How a response is shaped for whoever asked: JSON for /api and JSON clients, HTML pages for browsers.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function wantsJson(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0] ?? '';
  if (path === '/api' || path.startsWith('/api/')) return true;
  if ((request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return true;
  const accept = (request.headers.accept ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/**
 * A path on this site to return to after logging in, or `fallback`. Refuses anything that could leave the
 * site: absolute URLs, protocol-relative `//host`, backslashes (which browsers read as slashes), controls.
 */
export function safeNext(value: unknown, fallback = '/staff'): string {
  if (typeof value !== 'string' || value.length > 512) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
