/**
 * "The session is gone" signal: the API client raises it on a 401 from a call that needs a
 * session; the app's root route listens and sends the user to the login page.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function notifySessionExpired(): void {
  for (const listener of [...listeners]) listener();
}
