import { useState } from 'react';
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../../lib/export';

interface PrivateKeyNoticeProps {
  name: string;
  fingerprint: string;
  privateKey: string;
  /** Called when the user is done; `downloaded` tells whether the key left the page. */
  onDone: (downloaded: boolean) => void;
}

/** `mykey.pem`: the file name the private key is offered under. */
function privateKeyFileName(name: string): string {
  return `${name}.pem`;
}

/**
 * The private key of a generated pair, offered for download exactly once: after the
 * download the page forgets it, and the cloud never had a copy to give again.
 */
export function PrivateKeyNotice({ name, fingerprint, privateKey, onDone }: PrivateKeyNoticeProps) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(privateKey);
  const downloaded = key === null;

  const download = () => {
    if (!key) return;
    downloadText(privateKeyFileName(name), key.endsWith('\n') ? key : `${key}\n`, 'application/x-pem-file');
    setKey(null);
  };

  return (
    <Stack>
      <Alert color="orange" icon={<IconAlertTriangle />} title={t('keypairs.privateKey.title')}>
        <Text size="sm">{t('keypairs.privateKey.warning')}</Text>
      </Alert>
      <Text size="sm">
        {t('keypairs.privateKey.fingerprint')} <Code>{fingerprint}</Code>
      </Text>
      {downloaded ? (
        <Alert color="teal" icon={<IconCheck />}>
          {t('keypairs.privateKey.downloaded', { file: privateKeyFileName(name) })}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('keypairs.privateKey.usage', { file: privateKeyFileName(name) })}
        </Text>
      )}
      <Group justify="flex-end">
        {!downloaded && (
          <Button leftSection={<IconDownload size={16} />} onClick={download}>
            {t('keypairs.privateKey.download', { file: privateKeyFileName(name) })}
          </Button>
        )}
        <Button variant={downloaded ? 'filled' : 'default'} onClick={() => onDone(downloaded)}>
          {t('keypairs.privateKey.done')}
        </Button>
      </Group>
    </Stack>
  );
}
