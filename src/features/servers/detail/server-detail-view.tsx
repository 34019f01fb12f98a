import './detail-styles';
import { Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { flavorQueries } from '../../flavors/queries';
import { useCompute } from '../../../lib/compute';
import type { Actor } from '../lifecycle';
import type { Server } from '../schemas';
import { ActivityTab } from './activity-tab';
import { ConsoleTab } from './console-tab';
import { MetadataTab } from './metadata-tab';
import { NetworkTab } from './network-tab';
import { OverviewTab } from './overview-tab';
import { PasswordTab } from './password-tab';
import { SecurityGroupsTab } from './security-groups-tab';
import { ServerDialogs, useServerDialog } from './server-actions';
import { FaultAlert, ResizeBanner, ServerHeader } from './server-header';
import { TagsTab } from './tags-tab';
import { VolumesTab } from './volumes-tab';

/** The tabs of the detail page, in order; each is a URL segment (`/servers/<id>/network`). */
const SERVER_TABS = ['overview', 'network', 'volumes', 'security-groups', 'metadata', 'tags', 'console', 'activity', 'password'] as const;
export type ServerTab = (typeof SERVER_TABS)[number];

export function isServerTab(value: string | undefined): value is ServerTab {
  return (SERVER_TABS as readonly string[]).includes(value ?? '');
}

interface ServerDetailViewProps {
  server: Server;
  actor: Actor;
  tab: ServerTab;
  onTabChange: (tab: ServerTab) => void;
  /** The project's maxServerMeta (15.1), for the metadata limits. */
  maxServerMeta?: number;
}

/** Header, banners, and the tabs of one server. */
export function ServerDetailView({ server, actor, tab, onTabChange, maxServerMeta }: ServerDetailViewProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const dialog = useServerDialog();
  const flavors = useQuery(flavorQueries.list(compute));
  const flavorName = flavors.data?.find((f) => f.id === server.flavor.id)?.name;

  return (
    <>
      <ServerHeader server={server} actor={actor} onOpen={dialog.openDialog} />
      <ResizeBanner server={server} actor={actor} onOpen={dialog.openDialog} flavorName={flavorName} />
      <FaultAlert server={server} />
      <Tabs value={tab} onChange={(value) => value && isServerTab(value) && onTabChange(value)} keepMounted={false}>
        <Tabs.List mb="md">
          {SERVER_TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`server-detail.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab server={server} />
        </Tabs.Panel>
        <Tabs.Panel value="network">
          <NetworkTab server={server} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="volumes">
          <VolumesTab server={server} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="security-groups">
          <SecurityGroupsTab serverId={server.id} />
        </Tabs.Panel>
        <Tabs.Panel value="metadata">
          <MetadataTab server={server} actor={actor} maxItems={maxServerMeta} />
        </Tabs.Panel>
        <Tabs.Panel value="tags">
          <TagsTab server={server} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="console">
          <ConsoleTab server={server} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <ActivityTab serverId={server.id} isAdmin={actor.isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="password">
          <PasswordTab server={server} />
        </Tabs.Panel>
      </Tabs>
      <ServerDialogs server={server} actor={actor} open={dialog.open} onClose={dialog.close} maxServerMeta={maxServerMeta} />
    </>
  );
}
