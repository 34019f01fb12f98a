import { Button, Group, NumberInput, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlavorVisibility } from '../schemas';

interface FlavorFilterValues {
  minDisk: string;
  minRam: string;
  is_public: string;
}

interface FlavorFiltersProps {
  values: FlavorFilterValues;
  onChange: (patch: Partial<FlavorFilterValues>) => void;
  onClear: () => void;
  /** Only admins may choose the visibility (spec 6.1); members always get the public flavors. */
  isAdmin: boolean;
}

const digitsOnly = (value: string | number) => (value === '' ? '' : String(Math.max(0, Math.trunc(Number(value)))));

/** The RAM filter is asked in GB, as the table shows RAM; the API (and the URL) take MB. */
const megabytesToGigabytes = (mb: string) => (mb === '' ? '' : String(Math.round((Number(mb) / 1024) * 100) / 100));
const gigabytesToMegabytes = (gb: string | number) => (gb === '' ? '' : String(Math.max(0, Math.round(Number(gb) * 1024))));

/** The API's own filters: minimum disk (GB), minimum RAM (asked in GB, sent in MB), visibility. */
export function FlavorFilters({ values, onChange, onClear, isAdmin }: FlavorFiltersProps) {
  const { t } = useTranslation();
  const visibilities: { value: FlavorVisibility; label: string }[] = [
    { value: 'true', label: t('flavors.filters.publicOnly') },
    { value: 'false', label: t('flavors.filters.privateOnly') },
    { value: 'none', label: t('flavors.filters.all') },
  ];
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NumberInput
        label={t('flavors.filters.minDisk')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        value={values.minDisk}
        onChange={(value) => onChange({ minDisk: digitsOnly(value) })}
        w={160}
      />
      <NumberInput
        label={t('flavors.filters.minRam')}
        min={0}
        step={1}
        decimalScale={2}
        allowNegative={false}
        value={megabytesToGigabytes(values.minRam)}
        onChange={(value) => onChange({ minRam: gigabytesToMegabytes(value) })}
        w={160}
      />
      {isAdmin && (
        <Select
          label={t('flavors.filters.visibility')}
          data={visibilities}
          value={values.is_public || 'true'}
          onChange={(value) => onChange({ is_public: value && value !== 'true' ? value : '' })}
          allowDeselect={false}
          w={180}
        />
      )}
      <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={onClear} disabled={!Object.values(values).some(Boolean)}>
        {t('ui.list.clearFilters')}
      </Button>
    </Group>
  );
}
