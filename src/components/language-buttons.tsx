import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../lib/i18n';

/** Each language named in itself, so a user who cannot read the current one still finds theirs. */
export const NATIVE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

/**
 * The login page's language choice: plain buttons, no popover machinery, because the login
 * page is the first download and must stay light.
 */
export function LanguageButtons() {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t('shell.language')}>
      {languages.map((language) => (
        <Button
          key={language}
          lang={language}
          size="compact-sm"
          variant={i18n.language === language ? 'light' : 'subtle'}
          aria-pressed={i18n.language === language}
          onClick={() => void setLanguage(language)}
        >
          {NATIVE_NAMES[language]}
        </Button>
      ))}
    </Group>
  );
}
