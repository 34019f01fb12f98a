import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The name field of Create and Import Keypair (14.3), with the spec's rule under it. */
export function KeypairNameInput(props: Omit<TextInputProps, 'label' | 'description'>) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('keypairs.fields.name')}
      description={t('keypairs.create.nameRule')}
      required
      data-autofocus
      autoComplete="off"
      maxLength={255}
      {...props}
    />
  );
}
