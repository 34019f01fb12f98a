import { useState } from 'react';
import { Badge, Button, Card, CloseButton, Group, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FeatureUnavailable } from '../../../components/feature-unavailable';
import { QueryState } from '../../../components/query-state';
import { useCompute } from '../../../lib/compute';
import { computeFeatures } from '../../../lib/microversion';
import { serverRequests } from '../requests';
import { MAX_TAG_LENGTH, MAX_TAGS, tagListProblem, tagProblem, type Problem } from '../../../lib/validation';
import { availability, type Actor } from '../lifecycle';
import { useServerRequest } from '../mutations';
import { serverQueries } from '../queries';
import type { Server } from '../schemas';
import { ActionDialog } from './dialogs/action-dialog';

/**
 * Check Tag Existence (23.5): asks the cloud whether the server has one tag now, which may
 * differ from the list above when another user or an automation changed the tags since.
 */
function TagCheck({ server }: { server: Server }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const answer = useQuery({ ...serverQueries.hasTag(compute, server.id, asked ?? ''), enabled: asked !== null });
  const problem = text === '' ? null : tagProblem(text, []);
  return (
    <form
      aria-label={t('server-detail.tags.checkTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!text || problem) return;
        setAsked(text);
        if (asked === text) void answer.refetch();
      }}
    >
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('server-detail.tags.checkTitle')}
        </Title>
        <Group align="flex-start" gap="xs">
          <TextInput
            aria-label={t('server-detail.tags.checkInput')}
            placeholder={t('server-detail.tags.checkInput')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={problem && t(problem.key, problem.values)}
            w={320}
          />
          <Button type="submit" variant="default" leftSection={<IconSearch size={16} />} disabled={!text || Boolean(problem)} loading={answer.isFetching}>
            {t('server-detail.tags.check')}
          </Button>
        </Group>
        {asked !== null && answer.data !== undefined && !answer.isFetching && (
          <Text size="sm" role="status" c={answer.data ? 'teal' : 'dimmed'}>
            {answer.data ? t('server-detail.tags.hasTag', { tag: asked }) : t('server-detail.tags.lacksTag', { tag: asked })}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** Chapter 23 (2.26): add one, remove one, replace or clear all; the rules checked as one types. */
export function TagsTab({ server, actor }: { server: Server; actor: Actor }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const supported = compute.supports('server-tags');
  const tags = useQuery({ ...serverQueries.tags(compute, server.id), enabled: supported });
  const write = useServerRequest(server.id, { inlineErrors: false });
  const [newTag, setNewTag] = useState('');
  const [draft, setDraft] = useState<string[] | null>(null);
  const [bulk, setBulk] = useState<'replace' | 'clear' | null>(null);
  const state = availability(server, 'tags', actor);
  const explain = (problem: Problem | null) => problem && t(problem.key, problem.values);

  if (!supported) {
    return (
      <FeatureUnavailable feature={t('features.names.server-tags')} required={computeFeatures['server-tags']} current={compute.microversion} />
    );
  }

  const current = tags.data ?? [];
  const addProblem = newTag === '' ? null : tagProblem(newTag, current);
  const draftProblem = draft ? tagListProblem(draft) : null;
  const blocked = state.allowed ? null : t(`server-detail.reason.${state.reason}`);

  const add = async () => {
    if (!newTag || addProblem) return;
    try {
      await write.mutateAsync(serverRequests.addTag(server.id, newTag));
      setNewTag('');
    } catch {
      // the notification carries the cloud's message
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('server-detail.tags.title')}
          </Title>
          <Group gap="xs">
            <Button variant="default" disabled={!state.allowed || draft !== null || !tags.data} onClick={() => setDraft([...current])}>
              {t('server-detail.tags.replaceAll')}
            </Button>
            <Button variant="subtle" color="red" disabled={!state.allowed || current.length === 0} onClick={() => setBulk('clear')}>
              {t('server-detail.tags.clear')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('server-detail.tags.rules', { max: MAX_TAGS, length: MAX_TAG_LENGTH })}
        </Text>
        {blocked && (
          <Text size="sm" c="orange">
            {blocked}
          </Text>
        )}
        <QueryState query={tags}>
          {(data) =>
            data.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('server-detail.tags.none')}
              </Text>
            ) : (
              <Group gap="xs" role="list" aria-label={t('server-detail.tags.title')}>
                {data.map((tag) => (
                  <Badge
                    key={tag}
                    role="listitem"
                    size="lg"
                    variant="light"
                    tt="none"
                    rightSection={
                      state.allowed && (
                        <CloseButton
                          size="xs"
                          variant="transparent"
                          aria-label={t('server-detail.tags.remove', { tag })}
                          onClick={() => write.mutate(serverRequests.deleteTag(server.id, tag))}
                        />
                      )
                    }
                  >
                    {tag}
                  </Badge>
                ))}
              </Group>
            )
          }
        </QueryState>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <Group align="flex-start" gap="xs">
            <TextInput
              aria-label={t('server-detail.tags.new')}
              placeholder={t('server-detail.tags.new')}
              value={newTag}
              onChange={(event) => setNewTag(event.currentTarget.value)}
              error={explain(addProblem)}
              disabled={!state.allowed}
              w={320}
            />
            <Button type="submit" leftSection={<IconPlus size={16} />} disabled={!newTag || Boolean(addProblem) || !state.allowed} loading={write.isPending}>
              {t('server-detail.tags.add')}
            </Button>
          </Group>
        </form>
        <Text size="xs" c="dimmed">
          {t('server-detail.tags.count', { used: current.length, max: MAX_TAGS })}
        </Text>
      </Stack>

      <TagCheck server={server} />

      {draft !== null && (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('server-detail.tags.replaceTitle')}
            </Title>
            <TagsInput
              label={t('server-detail.tags.draft')}
              description={t('server-detail.tags.draftHint')}
              value={draft}
              onChange={setDraft}
              splitChars={[' ']}
              allowDuplicates
              clearable
              error={draftProblem && t('server-detail.tags.draftProblem', { tag: String(draftProblem.values?.tag ?? ''), problem: explain(draftProblem) })}
            />
            <Group gap="xs">
              <Button disabled={Boolean(draftProblem)} onClick={() => setBulk('replace')}>
                {t('server-detail.tags.replaceSubmit')}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}

      <ActionDialog
        opened={bulk !== null}
        onClose={() => setBulk(null)}
        serverId={server.id}
        title={bulk === 'clear' ? t('server-detail.tags.clearTitle') : t('server-detail.tags.replaceTitle')}
        request={
          bulk === 'clear'
            ? serverRequests.deleteAllTags(server.id)
            : bulk === 'replace' && draft && !draftProblem
              ? serverRequests.replaceTags(server.id, draft)
              : null
        }
        submitLabel={bulk === 'clear' ? t('server-detail.tags.clear') : t('server-detail.tags.replaceSubmit')}
        danger={bulk === 'clear'}
        onSuccess={() => setDraft(null)}
      >
        <Text size="sm">
          {bulk === 'clear'
            ? t('server-detail.tags.clearMessage', { count: current.length })
            : t('server-detail.tags.replaceMessage', { count: draft?.length ?? 0 })}
        </Text>
      </ActionDialog>
    </Stack>
  );
}
