import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { translateInputErrors } from '../../../lib/form-errors';
import { useLogin } from '../mutations';
import { loginInputSchema, type LoginInput, type Session } from '../schemas';

interface LoginFormProps {
  defaultDomain: string;
  onLoggedIn: (session: Session) => void;
}

/** User, password, domain and optional project, posted to the gateway (never to IAM directly). */
export function LoginForm({ defaultDomain, onLoggedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm<LoginInput>({
    initialValues: { username: '', password: '', domain: defaultDomain, project: '' },
    validate: schemaResolver(loginInputSchema, { sync: true }),
    enhanceGetInputProps: translateInputErrors(t),
  });

  const submit = form.onSubmit((values) => login.mutate(values, { onSuccess: onLoggedIn }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('login.formLabel')}>
      <Stack>
        {login.error && <ErrorAlert error={login.error} messages={{ unauthorized: t('login.failed') }} />}
        <TextInput
          label={t('login.username')}
          autoComplete="username"
          required
          data-autofocus
          {...form.getInputProps('username')}
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          required
          // not "Toggle password visibility": the field's label alone should match "Password"
          visibilityToggleButtonProps={{ 'aria-label': t('login.toggleVisibility') }}
          {...form.getInputProps('password')}
        />
        <TextInput label={t('login.domain')} autoComplete="off" required {...form.getInputProps('domain')} />
        <TextInput
          label={t('login.project')}
          description={t('login.projectHint')}
          autoComplete="off"
          {...form.getInputProps('project')}
        />
        <Button type="submit" loading={login.isPending} disabled={login.isPending} fullWidth>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
