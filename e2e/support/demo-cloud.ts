// Direct calls to the embedded cloud (not through the console), so specs can compare what
// the console shows with what the cloud holds for each demo identity.

export const DEMO_USERS = [
  { username: 'admin', password: 'admin', project: 'admin', isAdmin: true },
  { username: 'alice', password: 'alice', project: 'alpha', isAdmin: false },
  { username: 'bob', password: 'bob', project: 'beta', isAdmin: false },
] as const;

function cloudUrl(): string {
  const url = process.env.E2E_CLOUD_URL;
  if (!url) throw new Error('E2E_CLOUD_URL is not set: run the specs through playwright.config.ts (global setup)');
  return url;
}

async function token(username: string, password: string, project?: string): Promise<{ token: string; projectId?: string }> {
  const auth: Record<string, unknown> = {
    identity: { methods: ['password'], password: { user: { name: username, password, domain: { name: 'Default' } } } },
  };
  if (project) auth.scope = { project: { name: project, domain: { name: 'Default' } } };
  const res = await fetch(`${cloudUrl()}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth }),
  });
  if (res.status !== 201) throw new Error(`cloud login of ${username} failed: ${res.status}`);
  const body = (await res.json()) as { token: { project?: { id: string } } };
  return { token: res.headers.get('x-subject-token')!, projectId: body.token.project?.id };
}

/** The projects the cloud lets this user work in (GET /v3/auth/projects). */
export async function cloudProjects(username: string, password: string): Promise<{ id: string; name: string; enabled: boolean }[]> {
  const { token: id } = await token(username, password);
  const res = await fetch(`${cloudUrl()}/v3/auth/projects`, { headers: { 'X-Auth-Token': id } });
  return ((await res.json()) as { projects: { id: string; name: string; enabled: boolean }[] }).projects;
}

/** The ids of the servers in the user's project, as the cloud lists them. */
export async function cloudServerIds(username: string, password: string, project: string): Promise<{ projectId: string; ids: string[] }> {
  const scoped = await token(username, password, project);
  const res = await fetch(`${cloudUrl()}/v2.1/${scoped.projectId}/servers?limit=1000`, { headers: { 'X-Auth-Token': scoped.token } });
  const body = (await res.json()) as { servers: { id: string }[] };
  return { projectId: scoped.projectId!, ids: body.servers.map((s) => s.id) };
}
