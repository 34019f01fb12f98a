import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { useCompute } from '../lib/compute';
import { cloudRoutes, session, versions } from '../test/fixtures';
import { mockHttp } from '../test/http-mock';
import { renderWithProviders } from '../test/render';
import { ComputeProvider } from './compute-provider';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

function Target() {
  const compute = useCompute();
  return <p>{`project ${compute.projectId} microversion ${compute.microversion} legacy ${compute.legacyAvailable}`}</p>;
}

describe('ComputeProvider', () => {
  it('takes the versions handed over with the session: no discovery call before the page', async () => {
    const compute = { versions: versions.versions, current: versions.versions[1], fetchedAt: '2026-01-01T00:00:00Z' };
    http = mockHttp(cloudRoutes({ 'GET /auth/session': { body: { authenticated: true, ...session, compute } } }));
    renderWithProviders(
      <ComputeProvider>
        <Target />
      </ComputeProvider>,
    );
    expect(await screen.findByText('project p-alpha microversion 2.26 legacy true')).toBeInTheDocument();
    expect(http.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /auth/session']);
  });

  it('discovers for itself when the gateway had none', async () => {
    http = mockHttp(cloudRoutes({ 'GET /auth/session': { body: { authenticated: true, ...session, compute: null } } }));
    renderWithProviders(
      <ComputeProvider>
        <Target />
      </ComputeProvider>,
    );
    expect(await screen.findByText('project p-alpha microversion 2.26 legacy true')).toBeInTheDocument();
    expect(http.to('/api/compute/')).toHaveLength(1);
    expect(http.to('/api/compute/v2.1/')).toHaveLength(1);
  });
});
