import type { TFunction } from 'i18next';

/**
 * A problem (an i18n key and its values) as the one string a form error is:
 * `validation.tagTooLong?max=60`. Form schemas carry these (or plain keys) as messages.
 */
export function problemMessage(problem: { key: string; values?: Record<string, string | number> }): string {
  const values = Object.entries(problem.values ?? {}).map(([name, value]) => [name, String(value)]);
  return values.length ? `${problem.key}?${new URLSearchParams(values)}` : problem.key;
}

/**
 * Form schemas carry i18n keys as messages (`z.string().min(1, 'validation.required')`), with
 * their values when they have some (problemMessage); pass this as
 * `useForm({ enhanceGetInputProps })` so inputs show them in the UI language.
 */
export function translateInputErrors(t: TFunction) {
  return ({ inputProps }: { inputProps: { error?: unknown } }) => {
    if (typeof inputProps.error !== 'string') return undefined;
    const withValues = /^([\w.-]+)\?(.*)$/s.exec(inputProps.error);
    if (!withValues) return { error: t(inputProps.error) };
    return { error: t(withValues[1], Object.fromEntries(new URLSearchParams(withValues[2]))) };
  };
}
