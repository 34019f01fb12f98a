import type { Session } from '../features/session/schemas';
import { discoveryFromSession } from '../features/versions/api';
import type { ComputeDiscovery } from '../features/versions/schemas';
import type { ComputeTarget } from '../lib/compute';

/** The compute target of a session and the endpoint's negotiated versions. */
export function computeTargetOf(projectId: string, found: ComputeDiscovery): ComputeTarget {
  return { projectId, microversion: found.microversion, legacyAvailable: found.legacyAvailable };
}

/**
 * The target a page's first compute call goes to, from the session alone (the gateway hands
 * the version documents with it); null when the page must discover the versions itself.
 */
export function targetFromSession(session: Session): ComputeTarget | null {
  const found = discoveryFromSession(session.compute);
  return found ? computeTargetOf(session.project.id, found) : null;
}
