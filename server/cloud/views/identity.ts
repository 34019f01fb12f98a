import { randomBytes } from 'node:crypto';
import type { Project, Token, User } from '../repositories/identity.ts';
import { IMAGE_SERVICE_PATH } from './image-service.ts';

// Keystone v3's documents: the version, tokens with their service catalog, projects.

/** GET /v3 */
export const identityVersion = (base: string) => ({
  version: {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${base}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  },
});

export interface TokenSubject {
  user: User;
  userDomain: { id: string; name: string };
  project?: Project;
  projectDomain?: { id: string; name: string };
}

/**
 * A token as Keystone shows it; a project-scoped one carries the service catalog, whose
 * compute endpoints are this cloud's /v2.1 and /v2 (legacy) roots for the project, and whose
 * image service (Glance, as clients such as openstackclient resolve images) is <base>/image
 * on the public, internal and admin interfaces, as a deployment lists it.
 */
export function tokenView(token: Token, who: TokenSubject, base: string, region: string) {
  const body: Record<string, unknown> = {
    methods: token.methods,
    user: { id: who.user.id, name: who.user.name, domain: who.userDomain, password_expires_at: null },
    audit_ids: [randomBytes(16).toString('base64url').slice(0, 22)],
    issued_at: token.issued_at.replace('Z', '000Z'),
    expires_at: token.expires_at.replace('Z', '000Z'),
  };
  const project = who.project;
  if (project) {
    body.project = { id: project.id, name: project.name, domain: who.projectDomain };
    body.is_domain = false;
    body.roles = token.roles.map((name) => ({ id: `role-${name}`, name }));
    const endpoint = (service: string, url: string) => ({ id: `${service}-public`, interface: 'public', region, region_id: region, url });
    body.catalog = [
      { id: 'nova', type: 'compute', name: 'nova', endpoints: [endpoint('nova', `${base}/v2.1/${project.id}`)] },
      { id: 'novav2', type: 'compute_legacy', name: 'nova_legacy', endpoints: [endpoint('novav2', `${base}/v2/${project.id}`)] },
      { id: 'keystone', type: 'identity', name: 'keystone', endpoints: [endpoint('keystone', `${base}/v3`)] },
      {
        id: 'glance',
        type: 'image',
        name: 'glance',
        endpoints: (['public', 'internal', 'admin'] as const).map((face) => ({
          id: `glance-${face}`,
          interface: face,
          region,
          region_id: region,
          url: `${base}${IMAGE_SERVICE_PATH}`,
        })),
      },
    ];
  }
  return { token: body };
}

/** GET /v3/auth/projects */
export const projectsView = (projects: Project[], base: string) => ({
  projects: projects.map((p) => ({
    id: p.id,
    name: p.name,
    domain_id: p.domain_id,
    description: p.description,
    enabled: p.enabled === 1,
    is_domain: false,
    parent_id: p.domain_id,
    links: { self: `${base}/v3/projects/${p.id}` },
  })),
  links: { self: `${base}/v3/auth/projects`, previous: null, next: null },
});

/** GET /v3/users/{id}: Keystone's user reference (default_project_id only when the user has one). */
export const userView = (u: User, base: string) => ({
  user: {
    id: u.id,
    name: u.name,
    domain_id: u.domain_id,
    enabled: u.enabled === 1,
    ...(u.default_project_id ? { default_project_id: u.default_project_id } : {}),
    password_expires_at: null,
    options: {},
    links: { self: `${base}/v3/users/${u.id}` },
  },
});

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Keystone's error document: {"error": {"code", "message", "title"}}. */
export const keystoneError = (status: number, message: string) => ({
  error: { code: status, message, title: TITLES[status] ?? 'Internal Server Error' },
});
