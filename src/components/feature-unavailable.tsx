import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface FeatureUnavailableProps {
  /** Translated name of the feature ("Server tags"). */
  feature: string;
  /** First microversion that has it. */
  required: string;
  /** What the console negotiated with this endpoint; null when it has no v2.1 API. */
  current: string | null;
}

/** Says why a control is missing: the endpoint's compute API is too old for it. */
export function FeatureUnavailable({ feature, required, current }: FeatureUnavailableProps) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconInfoCircle />} title={t('features.unavailableTitle', { feature })}>
      {current
        ? t('features.unavailable', { feature, required, current })
        : t('features.unavailableLegacy', { feature, required })}
    </Alert>
  );
}
