import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';

type SizeUnit = 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte' | 'terabyte' | 'petabyte';
const UNITS: SizeUnit[] = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'];

/** A size in the largest binary unit that keeps it ≥ 1, localised ("1.5 GB", "1.5 GB" / "1.5吉字节"). */
function formatSize(value: number, unit: SizeUnit, locale: string): string {
  let index = UNITS.indexOf(unit);
  let amount = value;
  while (Math.abs(amount) >= 1024 && index < UNITS.length - 1) {
    amount /= 1024;
    index += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[index],
    unitDisplay: 'short',
    maximumFractionDigits: amount < 10 && index > 0 ? 1 : 0,
  }).format(amount);
}

function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

function formatDateTime(value: string | number | Date, locale: string): string {
  const date = dayjs(value);
  if (!date.isValid()) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date.toDate());
}

/** "3 minutes ago" / "3 分钟前" — dayjs' locale follows the UI language (see i18n.ts). */
function formatRelative(value: string | number | Date): string {
  const date = dayjs(value);
  return date.isValid() ? date.fromNow() : String(value);
}

/** Formatters bound to the current UI language; re-created when it changes. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      locale,
      megabytes: (mb: number) => formatSize(mb, 'megabyte', locale),
      gigabytes: (gb: number) => formatSize(gb, 'gigabyte', locale),
      bytes: (b: number) => formatSize(b, 'byte', locale),
      count: (n: number) => formatCount(n, locale),
      dateTime: (value: string | number | Date) => formatDateTime(value, locale),
      relative: (value: string | number | Date) => formatRelative(value),
    }),
    [locale],
  );
}
