import { useEffect, useState } from 'react';
import { Button, Collapse, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconFilter, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countFilters, SERVER_STATUSES, type ServerListState } from './list-url';

interface FilterOption {
  value: string;
  label: string;
}

interface ServerFiltersProps {
  state: ServerListState;
  onChange: (patch: Partial<ServerListState>) => void;
  onClear: () => void;
  flavors: FilterOption[];
  images: FilterOption[];
  zones: string[];
  /** Tag filters need microversion 2.26. */
  tagsSupported: boolean;
}

/** A text filter sent to the API once the user stops typing. */
function DebouncedInput({
  label,
  value,
  onCommit,
  placeholder,
  leftSection,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  leftSection?: React.ReactNode;
}) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback((next: string) => onCommit(next.trim()), 400);
  // the URL changed under us (clear filters, back button): show what it says
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);
  return (
    <TextInput
      label={label}
      value={text}
      placeholder={placeholder}
      leftSection={leftSection}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commit.cancel?.();
          onCommit(text.trim());
        }
      }}
    />
  );
}

/** ISO (UTC) ↔ the value of a datetime-local input (the user's time zone). */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

function fromLocalInput(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The filters of List Servers (spec 4.9), each sent to the API. */
export function ServerFilters({ state, onChange, onClear, flavors, images, zones, tagsSupported }: ServerFiltersProps) {
  const { t } = useTranslation();
  const advancedCount = [state.since, ...[state.tags, state.tagsAny, state.notTags, state.notTagsAny].map((list) => list.join(','))].filter(Boolean).length;
  const [advanced, { toggle }] = useDisclosure(advancedCount > 0);
  const filtered = countFilters(state) > 0;

  return (
    <Stack gap="xs" role="search" aria-label={t('servers.filters.label')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="xs">
        <DebouncedInput
          label={t('servers.filters.name')}
          value={state.name}
          placeholder={t('servers.filters.namePlaceholder')}
          leftSection={<IconSearch size={14} />}
          onCommit={(name) => onChange({ name })}
        />
        <Select
          label={t('servers.filters.status')}
          placeholder={t('servers.filters.any')}
          clearable
          data={SERVER_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`, { defaultValue: status }) }))}
          value={state.status || null}
          onChange={(status) => onChange({ status: status ?? '' })}
        />
        <Select
          label={t('servers.filters.flavor')}
          placeholder={t('servers.filters.any')}
          clearable
          searchable
          data={flavors}
          value={state.flavor || null}
          onChange={(flavor) => onChange({ flavor: flavor ?? '' })}
        />
        <Select
          label={t('servers.filters.image')}
          placeholder={t('servers.filters.any')}
          clearable
          searchable
          data={images}
          value={state.image || null}
          onChange={(image) => onChange({ image: image ?? '' })}
        />
        <DebouncedInput
          label={t('servers.filters.ip')}
          value={state.ip}
          placeholder={t('servers.filters.ipPlaceholder')}
          onCommit={(ip) => onChange({ ip })}
        />
        <Select
          label={t('servers.filters.az')}
          placeholder={t('servers.filters.any')}
          clearable
          data={zones}
          value={state.az || null}
          onChange={(az) => onChange({ az: az ?? '' })}
        />
      </SimpleGrid>
      <Group gap="xs">
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconFilter size={14} />}
          onClick={toggle}
          aria-expanded={advanced}
        >
          {advancedCount ? t('servers.filters.moreCount', { count: advancedCount }) : t('servers.filters.more')}
        </Button>
        {filtered && (
          <Button variant="subtle" size="xs" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
            {t('ui.list.clearFilters')}
          </Button>
        )}
      </Group>
      <Collapse expanded={advanced}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="xs">
          <TagsInput
            label={t('servers.filters.tags')}
            description={t('servers.filters.tagsHint')}
            disabled={!tagsSupported}
            value={state.tags}
            onChange={(tags) => onChange({ tags })}
            clearable
          />
          <TagsInput
            label={t('servers.filters.tagsAny')}
            description={t('servers.filters.tagsAnyHint')}
            disabled={!tagsSupported}
            value={state.tagsAny}
            onChange={(tagsAny) => onChange({ tagsAny })}
            clearable
          />
          <TagsInput
            label={t('servers.filters.notTags')}
            description={t('servers.filters.notTagsHint')}
            disabled={!tagsSupported}
            value={state.notTags}
            onChange={(notTags) => onChange({ notTags })}
            clearable
          />
          <TagsInput
            label={t('servers.filters.notTagsAny')}
            description={t('servers.filters.notTagsAnyHint')}
            disabled={!tagsSupported}
            value={state.notTagsAny}
            onChange={(notTagsAny) => onChange({ notTagsAny })}
            clearable
          />
          <TextInput
            type="datetime-local"
            label={t('servers.filters.since')}
            description={t('servers.filters.sinceHint')}
            value={state.since ? toLocalInput(state.since) : ''}
            onChange={(event) => onChange({ since: fromLocalInput(event.currentTarget.value) })}
          />
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
