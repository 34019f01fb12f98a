import type { TFunction } from 'i18next';

/** The endpoint's name when the operator gives none and the console runs its embedded cloud (server/config.ts). */
const EMBEDDED_CLOUD = 'Embedded cloud';

/** The endpoint's name to show: the embedded cloud's default in the UI's language, an operator's own name as given. */
export const endpointName = (name: string | null | undefined, t: TFunction): string =>
  name === EMBEDDED_CLOUD ? t('shell.embeddedCloud') : (name ?? '');

/** "Region · endpoint", as the header's badge and the login page show it. */
export const endpointLabel = (region: string | null | undefined, name: string | null | undefined, t: TFunction): string =>
  [region, endpointName(name, t)].filter(Boolean).join(' · ');
