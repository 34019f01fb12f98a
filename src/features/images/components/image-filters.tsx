import { useState } from 'react';
import { Autocomplete, Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMAGE_FILTER_STATUSES } from '../schemas';

interface ImageFilterValues {
  name: string;
  status: string;
  since: string;
  minDisk: string;
  minRam: string;
}

interface ImageFiltersProps {
  values: ImageFilterValues;
  onChange: (patch: Partial<ImageFilterValues>) => void;
  onClear: () => void;
  /** Image names (spec 7.1) offered as the name filter is typed. */
  names: string[];
}

const digitsOnly = (value: string | number) => (value === '' ? '' : String(Math.max(0, Math.trunc(Number(value)))));

/** `2026-01-05T08:00` (local, from the input) ↔ `2026-01-05T08:00:00Z` (the API's ISO 8601). */
function localInputToIso(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isoToLocalInput(value: string): string {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The API's filters of spec 7.1: name, status, changes-since, minimum disk and RAM. */
export function ImageFilters({ values, onChange, onClear, names }: ImageFiltersProps) {
  const { t } = useTranslation();
  // the API matches whole names: ask once typing pauses, not at every key
  const [name, setName] = useState(values.name);
  const applyName = useDebouncedCallback((value: string) => onChange({ name: value.trim() }), 400);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Autocomplete
        label={t('images.filters.name')}
        description={t('images.filters.nameHint')}
        data={[...new Set(names)].filter(Boolean).slice(0, 200)}
        value={name}
        onChange={(value) => {
          setName(value);
          applyName(value);
        }}
        w={240}
      />
      <Select
        label={t('images.filters.status')}
        description={t('images.filters.statusHint')}
        data={IMAGE_FILTER_STATUSES.map((status) => ({ value: status, label: t(`images.filters.statuses.${status}`) }))}
        value={values.status || null}
        onChange={(value) => onChange({ status: value ?? '' })}
        clearable
        placeholder={t('images.filters.anyStatus')}
        w={180}
      />
      <TextInput
        type="datetime-local"
        label={t('images.filters.changesSince')}
        description={t('images.filters.changesSinceHint')}
        value={isoToLocalInput(values.since)}
        onChange={(event) => onChange({ since: localInputToIso(event.currentTarget.value) })}
        w={220}
      />
      <NumberInput
        label={t('images.filters.minDisk')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        value={values.minDisk}
        onChange={(value) => onChange({ minDisk: digitsOnly(value) })}
        w={150}
      />
      <NumberInput
        label={t('images.filters.minRam')}
        min={0}
        step={512}
        allowDecimal={false}
        allowNegative={false}
        value={values.minRam}
        onChange={(value) => onChange({ minRam: digitsOnly(value) })}
        w={150}
      />
      <Button
        variant="subtle"
        leftSection={<IconFilterOff size={16} />}
        onClick={() => {
          setName('');
          onClear();
        }}
        disabled={!Object.values(values).some(Boolean) && !name}
      >
        {t('ui.list.clearFilters')}
      </Button>
    </Group>
  );
}
