// Security settings of the HTTP surface, in one place: response headers, request rate limits, and the
// same-origin check on state-changing requests (CSRF, together with the SameSite=Lax session cookie).
import type { FastifyHelmetOptions } from '@fastify/helmet';

export function helmetOptions(https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // On plain HTTP (an intranet without TLS) upgrading would break every stylesheet and form.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Not helmet's `no-referrer`: with it browsers send `Origin: null` on our own form posts, which the
    // same-origin check below would then refuse.
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
  };
}

/** Every route, per client address. */
export const globalRateLimit = { max: 600, timeWindow: '1 minute' } as const;
/** POST /login per client address: bounds the scrypt work one address can cause, while a whole office
 *  behind one NAT address can still sign in at nine in the morning. */
export const loginAddressRateLimit = { max: 60, timeWindow: '1 minute' } as const;
/** POST /login per client address and username: password guessing against one account. */
export const loginAccountRateLimit = { max: 10, timeWindow: '1 minute' } as const;

/** The key of loginAccountRateLimit: address and the username as typed (normalised, bounded). */
export function loginAttemptKey(ip: string, body: unknown): string {
  const username = (body as { username?: unknown } | undefined)?.username;
  return `${ip}|${typeof username === 'string' ? username.trim().toLowerCase().slice(0, 64) : ''}`;
}

export const RATE_LIMITED_MESSAGE = '请求过于频繁，请稍后再试';
export const FOREIGN_ORIGIN_MESSAGE = '请求来源不是本站，已拒绝（请从本站页面提交）';

export const stateChangingMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request was sent from a page of this site. Browsers send `Origin` (or at least `Referer`) with
 * every form post; a client that sends neither is not a browser acting on someone's cookie, and passes.
 * `Origin: null` (sandboxed frames, privacy redirects) is refused.
 */
export function fromOwnSite(headers: { origin?: string | undefined; referer?: string | undefined }, host: string): boolean {
  const source = headers.origin ?? headers.referer;
  if (source === undefined) return true;
  if (!URL.canParse(source) || host === '') return false;
  const from = new URL(source);
  if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
  // Read the Host header as a URL of the same scheme, so `example.org:80` equals `http://example.org`.
  const own = `${from.protocol}//${host}`;
  return URL.canParse(own) && new URL(own).host === from.host;
}
