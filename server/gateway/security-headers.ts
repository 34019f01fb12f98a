// Headers that keep the console's pages from being framed, sniffed or made to run
// injected scripts. Mantine injects <style> elements at run time, hence 'unsafe-inline'
// for styles only; scripts must come from our own origin.
import type { ServerResponse } from 'node:http';

const PRODUCTION_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Vite's dev server injects an inline module script (React Fast Refresh preamble) and talks
// to its HMR websocket; scripts cannot be restricted there without breaking development.
const DEVELOPMENT_CSP = ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"].join('; ');

export function applySecurityHeaders(res: ServerResponse, mode: 'production' | 'development' = 'production'): void {
  res.setHeader('Content-Security-Policy', mode === 'production' ? PRODUCTION_CSP : DEVELOPMENT_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}
