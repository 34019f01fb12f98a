/**
 * Where to go after login: the `next` parameter if it is a path of this console, else home.
 * Refuses other origins (`//evil`, `/\evil`, `https://...`) and the login page itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/login(?:[/?#]|$)/.test(next)) return '/';
  return next;
}

export function loginPath(next: string, reason?: 'expired'): string {
  const params = new URLSearchParams({ next });
  if (reason) params.set('reason', reason);
  return `/login?${params.toString()}`;
}
