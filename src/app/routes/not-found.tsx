import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';

export function Component() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState icon={<IconMapQuestion />} withIndicatorBackground title={t('notFound.title')} description={t('notFound.description')} py="xl">
        <EmptyState.Actions>
          <Button component={Link} to="/" variant="light">
            {t('notFound.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}
