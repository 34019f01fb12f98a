import { useState, type DragEvent } from 'react';
import { Alert, Button, Card, Code, CopyButton, FileButton, Group, PasswordInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconLock, IconTrash, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/query-state';
import { useCompute } from '../../../lib/compute';
import { serverQueries } from '../queries';
import { serverRequests } from '../requests';
import { RsaKeyError, decryptServerPassword } from './rsa-password';
import type { Server } from '../schemas';
import { ActionDialog } from './dialogs/action-dialog';
import classes from './detail.module.css';

/** Private keys are a few KB; anything much larger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

function Decryptor({ encrypted, keyName }: { encrypted: string; keyName?: string | null }) {
  const { t } = useTranslation();
  const [pem, setPem] = useState('');
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<{ password?: string; error?: string }>({});

  const readFile = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_KEY_FILE_BYTES) {
      setResult({ error: t('server-detail.password.errors.tooLarge') });
      return;
    }
    setPem(await file.text());
    setResult({});
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files?.[0] ?? null);
  };
  const decrypt = () => {
    try {
      setResult({ password: decryptServerPassword(encrypted, pem) });
    } catch (error) {
      const code = error instanceof RsaKeyError ? error.code : 'malformed';
      setResult({ error: t(`server-detail.password.errors.${code}`) });
    }
  };
  const forget = () => {
    setPem('');
    setResult({});
  };

  return (
    <Stack gap="sm">
      <div
        className={classes.dropZone}
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Textarea
          label={t('server-detail.password.privateKey')}
          description={keyName ? t('server-detail.password.privateKeyOf', { key: keyName }) : t('server-detail.password.privateKeyHint')}
          placeholder="-----BEGIN RSA PRIVATE KEY-----"
          value={pem}
          onChange={(event) => {
            setPem(event.currentTarget.value);
            setResult({});
          }}
          autosize
          minRows={4}
          maxRows={10}
          spellCheck={false}
          autoComplete="off"
          classNames={{ input: classes.mono }}
        />
        <Group gap="xs" mt="xs">
          <FileButton onChange={(file) => void readFile(file)} accept=".pem,.key,text/plain,application/x-pem-file">
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />}>
                {t('server-detail.password.chooseFile')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('server-detail.password.dropHint')}
          </Text>
        </Group>
      </div>
      <Group gap="xs">
        <Button leftSection={<IconKey size={16} />} onClick={decrypt} disabled={!pem.trim()}>
          {t('server-detail.password.decrypt')}
        </Button>
        <Button variant="subtle" color="gray" onClick={forget} disabled={!pem && !result.password}>
          {t('server-detail.password.forget')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        <IconLock size={12} /> {t('server-detail.password.local')}
      </Text>
      {result.error && (
        <Alert color="red" role="alert">
          {result.error}
        </Alert>
      )}
      {result.password !== undefined && (
        <Group gap="xs" align="flex-end">
          <PasswordInput label={t('server-detail.password.decrypted')} value={result.password} readOnly w={320} />
          <CopyButton value={result.password} timeout={1500}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
    </Stack>
  );
}

/** Chapter 17: the encrypted password, decrypted in the browser, copied, or cleared. */
export function PasswordTab({ server }: { server: Server }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const password = useQuery(serverQueries.password(compute, server.id));
  const [clearing, setClearing] = useState(false);

  return (
    <QueryState query={password}>
      {(encrypted) => (
        <Stack gap="md">
          <Card withBorder radius="md" padding="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5">
                {t('server-detail.password.encrypted')}
              </Title>
              <Group gap="xs">
                {encrypted && (
                  <CopyButton value={encrypted} timeout={1500}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
                        {copied ? t('common.copied') : t('common.copy')}
                      </Button>
                    )}
                  </CopyButton>
                )}
                <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} />} disabled={!encrypted} onClick={() => setClearing(true)}>
                  {t('server-detail.password.clear')}
                </Button>
              </Group>
            </Group>
            {encrypted ? (
              <Code block className={classes.breakAll} aria-label={t('server-detail.password.encrypted')}>
                {encrypted}
              </Code>
            ) : (
              <Text size="sm" c="dimmed">
                {t('server-detail.password.none')}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {t('server-detail.password.about')}
            </Text>
          </Card>
          {encrypted && (
            <Card withBorder radius="md" padding="md">
              <Title order={2} size="h5" mb="xs">
                {t('server-detail.password.decryptTitle')}
              </Title>
              <Decryptor encrypted={encrypted} keyName={server.key_name} />
            </Card>
          )}
          <ActionDialog
            opened={clearing}
            onClose={() => setClearing(false)}
            serverId={server.id}
            title={t('server-detail.password.clearTitle')}
            request={serverRequests.clearPassword(server.id)}
            submitLabel={t('server-detail.password.clear')}
            danger
          >
            <Text size="sm">{t('server-detail.password.clearMessage')}</Text>
          </ActionDialog>
        </Stack>
      )}
    </QueryState>
  );
}
