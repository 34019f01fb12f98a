import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown, IconFolder } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSwitchProject } from '../mutations';
import { sessionQueries } from '../queries';
import type { Session } from '../schemas';

interface ProjectSwitcherProps {
  session: Session;
  /** Called after the rescope, e.g. to leave a page that showed the old project's resource. */
  onSwitched?: (session: Session) => void;
}

/** Lists the user's projects (`/auth/projects`) and rescopes the session to the one picked. */
export function ProjectSwitcher({ session, onSwitched }: ProjectSwitcherProps) {
  const { t } = useTranslation();
  const projects = useQuery(sessionQueries.projects());
  const switchProject = useSwitchProject();
  const current = session.project;

  return (
    <Menu position="bottom-start" width={260}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFolder size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={switchProject.isPending}
          aria-label={t('shell.project.switch', { name: current.name })}
        >
          <Text span size="sm" truncate maw={160}>
            {current.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.project.label')}</Menu.Label>
        {projects.isPending && <Menu.Item disabled>{t('common.loading')}</Menu.Item>}
        {projects.isError && <Menu.Item disabled>{t('shell.project.loadFailed')}</Menu.Item>}
        {projects.data?.map((project) => (
          <Menu.Item
            key={project.id}
            disabled={!project.enabled}
            rightSection={project.id === current.id ? <IconCheck size={14} /> : null}
            onClick={() => {
              if (project.id === current.id) return;
              switchProject.mutate(project.id, { onSuccess: onSwitched });
            }}
          >
            {project.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
