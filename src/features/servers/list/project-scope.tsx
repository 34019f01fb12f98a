import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ProjectScopeProps {
  /** Every project's servers (`all_tenants`) rather than the session's project's. */
  all: boolean;
  /** With `all`: the project filtered on (its id), '' for every project. */
  project: string;
  /** Projects to offer: id and what to call it (its name when known). */
  projects: Array<{ value: string; label: string }>;
  currentProjectName: string;
  onScopeChange: (all: boolean) => void;
  onProjectChange: (project: string) => void;
}

/**
 * Administrators only: this project's servers or every project's, and then one project of
 * them (Nova's `all_tenants` with `project_id`).
 */
export function ProjectScope({ all, project, projects, currentProjectName, onScopeChange, onProjectChange }: ProjectScopeProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <SegmentedControl
        size="xs"
        aria-label={t('servers.scope.label')}
        value={all ? 'all' : 'project'}
        onChange={(value) => onScopeChange(value === 'all')}
        data={[
          { value: 'project', label: t('servers.scope.project', { name: currentProjectName }) },
          { value: 'all', label: t('servers.scope.all') },
        ]}
      />
      {all && (
        <Select
          size="xs"
          w={260}
          aria-label={t('servers.scope.filter')}
          placeholder={t('servers.scope.anyProject')}
          data={projects}
          value={project || null}
          onChange={(value) => onProjectChange(value ?? '')}
          searchable
          clearable
          nothingFoundMessage={t('servers.scope.noProject')}
        />
      )}
    </Group>
  );
}
