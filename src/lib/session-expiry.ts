/**
 * "The session is gone" signal: the API client raises it on a 401 from a call that needs a
 * session; the app's root route listens and sends the user to the login page.
 *
 * A logout ends the session on purpose: from the moment it is asked until the next login, a
 * 401 (a poll of the page still in flight, a query asking again as the page unmounts) is the
 * logout's, not an expiry, and must not send the user to "Session expired".
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let endedByUser = false;

export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function notifySessionExpired(): void {
  if (endedByUser) return;
  for (const listener of [...listeners]) listener();
}

/** The user is logging out. */
export function sessionEndedByUser(): void {
  endedByUser = true;
}

/** A session began (login): 401s mean an expiry again. */
export function sessionStarted(): void {
  endedByUser = false;
}
