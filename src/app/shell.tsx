import { AppShell, Badge, Burger, Group, NavLink, Progress, ScrollArea, Text, Tooltip } from '@mantine/core';
import './shell-styles';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBox,
  IconCamera,
  IconDatabase,
  IconGauge,
  IconKey,
  IconLayoutDashboard,
  IconMapPin,
  IconNetwork,
  IconPhoto,
  IconServer,
  IconServer2,
  IconShieldLock,
  IconVersions,
  type Icon,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle } from '../components/color-scheme-toggle';
import { LanguageSwitch } from '../components/language-switch';
import { LazyServerPalette, PaletteButton, usePaletteLauncher } from '../features/servers/list/palette-launcher';
import { ProjectSwitcher } from '../features/session/components/project-switcher';
import { UserMenu } from '../features/session/components/user-menu';
import { sessionQueries } from '../features/session/queries';
import { endpointLabel, endpointName as shownEndpointName } from '../features/session/endpoint-label';
import { areaOf, areas, areaSections, type AreaKey } from './areas';
import { AppOverlays } from './app-overlays';
import { ComputeProvider } from './compute-provider';
import classes from './shell.module.css';

const ICONS: Record<AreaKey, Icon> = {
  overview: IconLayoutDashboard,
  servers: IconServer,
  flavors: IconServer2,
  images: IconPhoto,
  keypairs: IconKey,
  serverGroups: IconBox,
  volumes: IconDatabase,
  snapshots: IconCamera,
  networks: IconNetwork,
  securityGroups: IconShieldLock,
  availabilityZones: IconMapPin,
  limits: IconGauge,
  apiVersions: IconVersions,
};

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <nav aria-label={t('shell.navigation')}>
      {areaSections.map((section) => (
        <div key={section} className={classes.section}>
          {section !== 'general' && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
              {t(`shell.sections.${section}`)}
            </Text>
          )}
          {areas
            .filter((area) => area.section === section)
            .map((area) => {
              const AreaIcon = ICONS[area.key];
              return (
                <NavLink
                  key={area.key}
                  component={RouterNavLink}
                  // on the area's own list, the link keeps its filters (and what is being typed in them)
                  to={pathname === area.path ? { pathname: area.path, search } : area.path}
                  end={area.path === '/'}
                  label={t(`areas.${area.key}.title`)}
                  leftSection={<AreaIcon size={18} stroke={1.5} />}
                  active={isActive(pathname, area.path)}
                  onClick={onNavigate}
                />
              );
            })}
        </div>
      ))}
    </nav>
  );
}

/** The signed-in layout: header, navbar with every area, the page, and the Ctrl/⌘+K server palette. */
export function Component() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const navigation = useNavigation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const session = useQuery(sessionQueries.current());
  const config = useQuery(sessionQueries.config());
  const data = session.data;
  const region = data?.region ?? config.data?.region;
  const endpointName = data?.endpointName || config.data?.endpointName;
  const palette = usePaletteLauncher();
  // the palette finds every page by its name in the UI language and by its English one
  const pages = useMemo(
    () => areas.map((area) => ({ label: t(`areas.${area.key}.title`), path: area.path, keywords: [area.key, area.path.replace(/[/-]/g, ' ').trim()] })),
    [t],
  );

  return (
    <AppOverlays>
      <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          {navigation.state === 'loading' && (
            <Progress value={100} animated size="xs" radius={0} className={classes.progress} aria-label={t('common.loading')} />
          )}
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
              <Text component={Link} to="/" fw={700} size="lg" className={classes.brand}>
                {t('app.name')}
              </Text>
              {(region || endpointName) && (
                <Tooltip label={t('shell.endpoint', { region: region ?? '–', endpoint: shownEndpointName(endpointName, t) || '–' })}>
                  <Badge variant="light" color="gray" tt="none" visibleFrom="sm" aria-label={t('shell.regionLabel')}>
                    {endpointLabel(region, endpointName, t)}
                  </Badge>
                </Tooltip>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <PaletteButton onOpen={palette.open} />
              {data && (
                <ProjectSwitcher
                  session={data}
                  onSwitched={() => void navigate(areaOf(pathname)?.path ?? '/', { replace: true })}
                />
              )}
              <LanguageSwitch />
              <ColorSchemeToggle />
              {data && <UserMenu session={data} onLoggedOut={() => void navigate('/login', { replace: true })} />}
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation onNavigate={close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <ComputeProvider>
            <Outlet />
            <LazyServerPalette wanted={palette.wanted} actor={{ isAdmin: data?.isAdmin ?? false }} pages={pages} />
          </ComputeProvider>
        </AppShell.Main>
      </AppShell>
    </AppOverlays>
  );
}
