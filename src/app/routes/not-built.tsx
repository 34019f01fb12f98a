import { Button, EmptyState } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { Link, useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import type { AreaKey } from '../areas';

function useAreaKey(): AreaKey {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const handle = match.handle as { area?: AreaKey } | undefined;
    if (handle?.area) return handle.area;
  }
  return 'overview';
}

/** The page of an area whose screens are not built yet: says so, and what the area will hold. */
export function Component() {
  const { t } = useTranslation();
  const area = useAreaKey();
  const title = t(`areas.${area}.title`);
  return (
    <>
      <PageHeader title={title} description={t(`areas.${area}.description`)} />
      <EmptyState
        icon={<IconTools />}
        withIndicatorBackground
        title={t('notBuilt.title')}
        description={t('notBuilt.description', { area: title })}
        py="xl"
      >
        <EmptyState.Actions>
          <Button component={Link} to="/" variant="light">
            {t('notBuilt.back')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}
