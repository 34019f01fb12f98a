// What the gateway learnt while answering a request that its access log reports: the
// session's user. Kept beside the request (a WeakMap), never in a header or a body.
import type { IncomingMessage } from 'node:http';

const users = new WeakMap<IncomingMessage, string>();

export function noteUser(req: IncomingMessage, userId: string): void {
  users.set(req, userId);
}

export function userOf(req: IncomingMessage): string | undefined {
  return users.get(req);
}
