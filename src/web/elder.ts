// 长辈版 (elder mode): larger type, higher contrast and bigger tap targets for older readers, switched by a link in
// the public header and remembered in a cookie. Nothing but the page's look depends on it.

export const ELDER_COOKIE = 'gongkai_elder';
/** One year, in seconds. */
export const ELDER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** Whether the request carries the elder-mode cookie. */
export function isElder(request: { cookies?: Record<string, string | undefined> }): boolean {
  return request.cookies?.[ELDER_COOKIE] === '1';
}

/** The link that switches the mode and comes back to `next` (a path on this site). */
export function elderToggleHref(elder: boolean, next: string): string {
  return `/elder?on=${elder ? '0' : '1'}&next=${encodeURIComponent(next)}`;
}
