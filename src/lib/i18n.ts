import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import { apiClient } from './api-client';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'ecs-console.language';

/**
 * Each language is its own chunk, fetched when chosen: the first page carries one language,
 * not all of them. dayjs' locale comes with it.
 */
const bundles: Record<Language, () => Promise<{ translation: Record<string, unknown>; dayjsLocale: string }>> = {
  en: async () => ({ translation: (await import('../locales/en.json')).default, dayjsLocale: 'en' }),
  'zh-CN': async () => {
    const [translation] = await Promise.all([import('../locales/zh-CN.json'), import('dayjs/locale/zh-cn')]);
    return { translation: translation.default, dayjsLocale: 'zh-cn' };
  },
};

type JsonModule = () => Promise<Record<string, unknown>>;

/**
 * Feature strings live in `locales/<language>/<name>.json`, one file per area, and appear under
 * the key `<name>` (`locales/en/servers.json` → `t('servers.…')`). Each file is its own chunk,
 * loaded when a page that uses it is (app/page-namespaces.ts), never on the login page.
 */
const featureBundles: Record<Language, Record<string, JsonModule>> = {
  en: import.meta.glob<Record<string, unknown>>('../locales/en/*.json', { import: 'default' }),
  'zh-CN': import.meta.glob<Record<string, unknown>>('../locales/zh-CN/*.json', { import: 'default' }),
};

function namespaceOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
}

/** Every feature file's name (`servers`, `server-detail`, `ui` …). */
export const FEATURE_NAMESPACES: readonly string[] = Object.keys(featureBundles.en).map(namespaceOf);

/** Namespaces loaded per language, and those the pages shown so far use (a language switch loads them too). */
const loadedNamespaces: Record<Language, Set<string>> = { en: new Set(), 'zh-CN': new Set() };
const wantedNamespaces = new Set<string>();

const dayjsLocales: Partial<Record<Language, string>> = {};

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The saved choice, else the browser's first language we have, else English. */
function detectLanguage(browserLanguages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  const saved = storedLanguage();
  if (saved) return saved;
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function applyLanguage(language: string): void {
  const lang: Language = isLanguage(language) ? language : 'en';
  dayjs.locale(dayjsLocales[lang] ?? 'en');
  // Nova translates its error messages by Accept-Language; the gateway forwards it
  apiClient.defaults.headers.common['Accept-Language'] = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  fallbackLng: false,
  supportedLngs: [...languages],
  // React escapes what it renders; i18next must not escape a second time
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

const coreLoaded = new Set<Language>();

async function ensureLoaded(language: Language): Promise<void> {
  if (coreLoaded.has(language)) return;
  const bundle = await bundles[language]();
  dayjsLocales[language] = bundle.dayjsLocale;
  i18n.addResourceBundle(language, 'translation', bundle.translation, true, false);
  coreLoaded.add(language);
}

/**
 * Loads the feature files a page uses, in the language the page will show (the router's loaders
 * may run before startI18n() has switched i18next to it), and remembers them for a language switch.
 */
export async function loadNamespaces(names: readonly string[], language: Language = detectLanguage()): Promise<void> {
  for (const name of names) wantedNamespaces.add(name);
  await ensureLoaded(language);
  const loaded = loadedNamespaces[language];
  const missing = names.filter((name) => !loaded.has(name));
  await Promise.all(
    missing.map(async (name) => {
      const load = featureBundles[language][`../locales/${language}/${name}.json`];
      if (!load) throw new Error(`no translation file ${language}/${name}.json`);
      i18n.addResourceBundle(language, 'translation', { [name]: await load() }, true, false);
      loaded.add(name);
    }),
  );
}

/** Loads the detected language; call (and await) before the first render. */
export async function startI18n(): Promise<void> {
  const language = detectLanguage();
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
  if (wantedNamespaces.size > 0) await loadNamespaces([...wantedNamespaces], language);
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  await ensureLoaded(language);
  // the feature strings in use are needed in the new language too
  await loadNamespaces([...wantedNamespaces], language);
  await i18n.changeLanguage(language);
}

export { i18n };
