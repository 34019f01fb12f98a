import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ComputeContext } from '../../../lib/compute';
import { cloudRoutes, PROJECT_ID, session } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderWithProviders } from '../../../test/render';
import { ActivityTab } from './activity-tab';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const action = (request: string, name: string, user: string, start: string) => ({
  action: name,
  request_id: request,
  user_id: user,
  project_id: PROJECT_ID,
  start_time: start,
  message: null,
  instance_uuid: 's1',
});

describe('activity of a server', () => {
  it('names the signed-in user, shows others by a short id, and says what "update" was', async () => {
    http = mockHttp(
      cloudRoutes({
        [`GET /api/compute/v2.1/${PROJECT_ID}/servers/s1/os-instance-actions`]: {
          body: {
            instanceActions: [
              action('req-1', 'create', session.user.id, '2026-01-01T00:00:00Z'),
              action('req-2', 'update', '5493a996e1c44b6d9b1a2c3d4e5f6a7b', '2026-01-02T00:00:00Z'),
            ],
          },
        },
      }),
    );
    renderWithProviders(
      <ComputeContext.Provider value={{ projectId: PROJECT_ID, microversion: '2.26', legacyAvailable: true }}>
        <ActivityTab serverId="s1" isAdmin={false} />
      </ComputeContext.Provider>,
    );
    const timeline = await screen.findByLabelText('Activity');
    expect(await within(timeline).findByText('· by you (alice)')).toBeInTheDocument();
    expect(within(timeline).getByText('· by user 5493a996…')).toBeInTheDocument();
    expect(within(timeline).queryByText(/5493a996e1c4/)).not.toBeInTheDocument();
    expect(within(timeline).getByText('Name or description changed')).toBeInTheDocument();
  });
});
