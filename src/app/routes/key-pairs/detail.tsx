import '../resource-styles';
import { Anchor, Button, Card, Code, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LaunchButton } from '../../../components/launch-button';
import { DetailFields } from '../../../components/detail-fields';
import { DetailPage } from '../../../components/list-parts';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { confirmKeypairDelete } from '../../../features/keypairs/components/confirm-keypair-delete';
import { useDeleteKeypair } from '../../../features/keypairs/mutations';
import { keypairQueries } from '../../../features/keypairs/queries';
import type { KeypairDetail } from '../../../features/keypairs/schemas';
import { useCompute } from '../../../lib/compute';
import { useFormatters } from '../../../lib/format';
import { useProjectServers } from '../server-refs';
import classes from './detail.module.css';

function KeypairServers({ name }: { name: string }) {
  const { t } = useTranslation();
  const servers = useProjectServers();
  return (
    <QueryState query={servers}>
      {(all) => {
        const using = all.filter((s) => s.key_name === name);
        if (using.length === 0) {
          return (
            <Text size="sm" c="dimmed">
              {t('keypairs.detail.noServers')}
            </Text>
          );
        }
        return (
          <List size="sm">
            {using.map((s) => (
              <List.Item key={s.id}>
                <Anchor component={Link} to={`/servers/${encodeURIComponent(s.id)}`}>
                  {s.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        );
      }}
    </QueryState>
  );
}

function KeypairView({ keypair }: { keypair: KeypairDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const remove = useDeleteKeypair();
  const onDelete = async () => {
    const deleted = await confirmKeypairDelete(keypair.name, t, (name) => remove.mutateAsync(name)).catch(() => false);
    if (deleted) navigate('/key-pairs');
  };
  return (
    <>
      <PageHeader
        title={keypair.name}
        description={t('keypairs.detail.description')}
        actions={
          <>
            <LaunchButton preset={{ keypair: keypair.name }}>{t('keypairs.launch')}</LaunchButton>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => void onDelete()} loading={remove.isPending}>
              {t('keypairs.delete.action')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Card padding="lg">
          <DetailFields
            fields={[
              { label: t('keypairs.fields.name'), value: keypair.name },
              { label: t('keypairs.fields.fingerprint'), value: <Code>{keypair.fingerprint}</Code> },
              { label: t('keypairs.fields.type'), value: t(`keypairs.types.${keypair.type ?? 'ssh'}`, { defaultValue: keypair.type }) },
              { label: t('keypairs.fields.user'), value: keypair.user_id },
              { label: t('keypairs.fields.created'), value: keypair.created_at ? format.dateTime(keypair.created_at.replace(/(T\d\d:\d\d:\d\d):(\d+)$/, '$1.$2')) : null },
            ]}
          />
        </Card>
        <Card padding="lg">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5">
              {t('keypairs.fields.publicKey')}
            </Title>
            <CopyButton value={keypair.public_key.trim()}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={copy}>
                  {copied ? t('common.copied') : t('keypairs.detail.copyPublicKey')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Code block className={classes.publicKey}>
            {keypair.public_key.trim()}
          </Code>
          <Text size="xs" c="dimmed" mt="xs">
            {t('keypairs.detail.noPrivateKey')}
          </Text>
        </Card>
        <Card padding="lg">
          <Title order={2} size="h5" mb="xs">
            {t('keypairs.detail.servers')}
          </Title>
          <KeypairServers name={keypair.name} />
        </Card>
      </Stack>
    </>
  );
}

/** Get Keypair (14.2) and delete (14.4). */
export default function KeypairDetailPage() {
  const { t } = useTranslation();
  const compute = useCompute();
  const { keypairName = '' } = useParams();
  const keypair = useQuery(keypairQueries.detail(compute, keypairName));
  return (
    <DetailPage back="/key-pairs" backLabel={t('keypairs.detail.back')} query={keypair}>
      {(data) => <KeypairView keypair={data} />}
    </DetailPage>
  );
}
