import type { TFunction } from 'i18next';

/**
 * Form schemas carry i18n keys as messages (`z.string().min(1, 'validation.required')`);
 * pass this as `useForm({ enhanceGetInputProps })` so inputs show them in the UI language.
 */
export function translateInputErrors(t: TFunction) {
  return ({ inputProps }: { inputProps: { error?: unknown } }) =>
    typeof inputProps.error === 'string' ? { error: t(inputProps.error) } : undefined;
}
