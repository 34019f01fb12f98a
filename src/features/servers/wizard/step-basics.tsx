import { NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NAME_MAX_BYTES, utf8Length } from '../../../lib/validation';
import type { StepProps } from './wizard-types';
import { serverNames } from './wizard-values';

export function StepBasics({ form, catalog, errorOf, supportsDescription }: StepProps & { supportsDescription: boolean }) {
  const { t } = useTranslation();
  const bytes = utf8Length(form.values.name);
  return (
    <Stack gap="md" maw={560}>
      <TextInput
        label={t('servers.wizard.name')}
        description={t('servers.wizard.nameHint', { used: bytes, max: NAME_MAX_BYTES })}
        withAsterisk
        // the page is the form: what is typed as it opens goes into the name; the focus given
        // is not the user's touch, so "Required" waits for typing or moving on
        autoFocus
        {...form.getInputProps('name', { withFocus: false })}
        error={errorOf('name')}
      />
      <NumberInput
        label={t('servers.wizard.count')}
        description={
          serverNames(form.values).length > 1
            ? t('servers.wizard.countNames', { first: serverNames(form.values)[0], last: serverNames(form.values).at(-1) })
            : t('servers.wizard.countHint')
        }
        min={1}
        allowDecimal={false}
        allowNegative={false}
        w={200}
        {...form.getInputProps('count')}
        error={errorOf('count')}
      />
      {supportsDescription && (
        <Textarea
          label={t('servers.wizard.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
          error={errorOf('description')}
        />
      )}
      <Select
        label={t('servers.wizard.az')}
        description={t('servers.wizard.azHint')}
        placeholder={t('servers.wizard.azAny')}
        clearable
        data={catalog.zones}
        value={form.values.availabilityZone || null}
        onChange={(zone) => form.setFieldValue('availabilityZone', zone ?? '')}
      />
    </Stack>
  );
}
