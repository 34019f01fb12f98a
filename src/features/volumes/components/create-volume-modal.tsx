import { useState } from 'react';
import { Autocomplete, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../../components/form-footer';
import { KeyValueEditor, recordFromRows, validateKeyValueRows, type KeyValueRow } from '../../../components/key-value-editor';
import { translateInputErrors } from '../../../lib/form-errors';
import { useCreateVolume } from '../mutations';
import { volumeSizeProblem } from '../rules';
import { COMMON_VOLUME_TYPES, type CreateVolumeRequest, type Volume } from '../schemas';

interface SnapshotChoice {
  id: string;
  name: string;
  size: number;
  status: string;
}

interface CreateVolumeModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated?: (volume: Volume) => void;
  /** Availability zones (spec 18.1). */
  zones: string[];
  /** The project's snapshots, to create a volume from one. */
  snapshots: SnapshotChoice[];
  /** Types already in use in the project, offered first. */
  knownTypes: string[];
  /** Preselected snapshot ("Create volume from this snapshot"). */
  initialSnapshotId?: string | null;
}

const tooLong = (value: string) => (value.length > 255 ? 'volumes.validation.tooLong' : null);

/** Build the request of spec 19.1 from the form: empty fields are left out. */
function createVolumeRequest(values: {
  name: string;
  description: string;
  size: number | '';
  zone: string | null;
  volumeType: string;
  snapshotId: string | null;
  metadata: KeyValueRow[];
}): CreateVolumeRequest {
  const metadata = recordFromRows(values.metadata);
  return {
    ...(values.size !== '' ? { size: values.size } : {}),
    ...(values.zone ? { availability_zone: values.zone } : {}),
    ...(values.name.trim() ? { display_name: values.name.trim() } : {}),
    ...(values.description.trim() ? { display_description: values.description.trim() } : {}),
    ...(values.volumeType.trim() ? { volume_type: values.volumeType.trim() } : {}),
    ...(values.snapshotId ? { snapshot_id: values.snapshotId } : {}),
    ...(Object.keys(metadata).length ? { metadata } : {}),
  };
}

/** Create Volume (19.1): empty, or from a snapshot. */
export function CreateVolumeModal({ opened, onClose, onCreated, zones, snapshots, knownTypes, initialSnapshotId }: CreateVolumeModalProps) {
  const { t } = useTranslation();
  const create = useCreateVolume();
  const [metadata, setMetadata] = useState<KeyValueRow[]>([]);
  const form = useForm({
    initialValues: {
      name: '',
      description: '',
      size: 10 as number | '',
      zone: (zones[0] ?? null) as string | null,
      volumeType: '',
      snapshotId: initialSnapshotId ?? (null as string | null),
    },
    validate: {
      name: tooLong,
      description: tooLong,
      size: (value, values) => volumeSizeProblem(value, snapshots.find((s) => s.id === values.snapshotId)?.size ?? null),
      // spec 19.1: the cloud service needs a zone for a new empty volume
      zone: (value, values) => (!value && !values.snapshotId && zones.length > 0 ? 'volumes.validation.zoneRequired' : null),
    },
    enhanceGetInputProps: translateInputErrors(t),
  });
  const snapshot = snapshots.find((s) => s.id === form.values.snapshotId) ?? null;
  const metadataValid = validateKeyValueRows(metadata).every((row) => !row.key && !row.value);

  const close = () => {
    create.reset();
    form.reset();
    setMetadata([]);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (!metadataValid) return;
    create.mutate(createVolumeRequest({ ...values, metadata }), {
      onSuccess: (volume) => {
        close();
        onCreated?.(volume);
      },
    });
  });

  const types = [...new Set([...knownTypes.filter(Boolean), ...COMMON_VOLUME_TYPES])];

  return (
    <Modal opened={opened} onClose={close} title={t('volumes.create.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('volumes.fields.name')} data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <Select
            label={t('volumes.create.fromSnapshot')}
            description={t('volumes.create.fromSnapshotHint')}
            placeholder={t('volumes.create.emptyVolume')}
            clearable
            searchable
            data={snapshots.map((s) => ({
              value: s.id,
              label: `${s.name || s.id} (${s.size} GB)`,
              disabled: s.status !== 'available',
            }))}
            {...form.getInputProps('snapshotId')}
            onChange={(value) => {
              form.setFieldValue('snapshotId', value);
              const chosen = snapshots.find((s) => s.id === value);
              if (chosen) {
                // size and zone then default to the snapshot's and its volume's (spec 19.1)
                form.setFieldValue('size', '');
                form.setFieldValue('zone', null);
              }
            }}
          />
          <NumberInput
            label={t('volumes.fields.sizeGb')}
            description={snapshot ? t('volumes.create.sizeFromSnapshot', { size: snapshot.size }) : t('volumes.create.sizeHint')}
            required={!snapshot}
            min={snapshot?.size ?? 1}
            // the check says what is wrong, rather than the input silently changing the number
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('size')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('volumes.fields.zone')}
              description={snapshot ? t('volumes.create.zoneFromSnapshot') : undefined}
              data={zones}
              required={!snapshot}
              allowDeselect={false}
              clearable
              {...form.getInputProps('zone')}
            />
            <Autocomplete
              label={t('volumes.fields.type')}
              description={t('volumes.create.typeHint')}
              data={types}
              {...form.getInputProps('volumeType')}
            />
          </Group>
          <Textarea label={t('volumes.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <KeyValueEditor label={t('volumes.fields.metadata')} value={metadata} onChange={setMetadata} />
          <FormFooter error={create.error} pending={create.isPending} submitLabel={t('volumes.create.submit')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
