import '@mantine/core/styles/Stepper.css';
import '@mantine/core/styles/RadioCard.css';
import '@mantine/core/styles/RadioIndicator.css';
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconArrowRight, IconInfoCircle, IconRocket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCompute } from '../../../lib/compute';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePersistentFormDraft } from '../../../lib/use-persistent-form-draft';
import { describeServerRequest } from '../api';
import { applyTagsWhenReady, useCreateServer, type CreatedServers } from '../mutations';
import { CreatedReport } from './created-report';
import { exceedsQuota, quotaImpact } from './quota-impact';
import { buildCreateServerBody, buildOpenstackCli, tagsAfterCreate } from './request-builders';
import { serverRequests } from '../requests';
import type { Problem } from '../../../lib/validation';
import { firstInvalidStep, validateWizardStep, WIZARD_STEPS, type WizardContext, type WizardStep } from './wizard-validation';
import { emptyWizardValues, presetFromSearch, serverCount, serverNames, type WizardValues } from './wizard-values';
import { StepAdvanced } from './step-advanced';
import { StepBasics } from './step-basics';
import { StepFlavor } from './step-flavor';
import { StepImage } from './step-image';
import { StepKeypair } from './step-keypair';
import { StepNetwork } from './step-network';
import { StepReview } from './step-review';
import type { KeypairCreation, WizardCatalog } from './wizard-types';
import classes from './wizard.module.css';

const stepIndex = (value: string | null): number => {
  const index = WIZARD_STEPS.indexOf((value ?? '') as WizardStep);
  return index < 0 ? 0 : index;
};

/**
 * The create-server wizard: every field checked against the spec as one types and before
 * moving on, the quota impact and the exact request on review, the API's answer (over quota
 * included) shown in place. The values survive a trip through the login page (draft).
 */
export function CreateServerWizard({ catalog, keypairCreation }: { catalog: WizardCatalog; keypairCreation: KeypairCreation }) {
  const { t } = useTranslation();
  const compute = useCompute();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const active = stepIndex(params.get('step'));
  const step = WIZARD_STEPS[active];
  const [attempted, setAttempted] = useState<ReadonlySet<WizardStep>>(new Set());
  const supportsDescription = compute.supports('server-description');

  // per project: a draft must not carry one project's networks and images into another
  const draft = usePersistentFormDraft<WizardValues>(`create-server:${compute.projectId}`, emptyWizardValues());
  const [restored, setRestored] = useState(draft.restored);
  // "launch a server with this image / flavor / network / key pair / group" links win over a draft
  const [initialValues] = useState(() => ({ ...draft.initialValues, ...presetFromSearch(params) }));
  const form = useForm<WizardValues>({ mode: 'controlled', initialValues, onValuesChange: draft.save });
  const create = useCreateServer();

  // a first network for convenience, once networks are known (not over a restored draft)
  const firstNetwork = catalog.networks[0]?.id;
  useEffect(() => {
    if (!firstNetwork || form.getValues().nics.length > 0) return;
    form.setFieldValue('nics', [{ kind: 'network', networkId: firstNetwork, portId: '', fixedIp: '' }]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the networks arrive
  }, [firstNetwork]);

  const context: WizardContext = {
    images: catalog.images,
    snapshots: catalog.snapshots,
    flavors: catalog.flavors,
    networks: catalog.networks,
    maxServerMeta: catalog.limits?.maxServerMeta,
    maxPersonality: catalog.limits?.maxPersonality,
    maxPersonalitySize: catalog.limits?.maxPersonalitySize,
  };
  const values = form.values;
  const errors = validateWizardStep(step, values, context);
  const translate = (problem: Problem) => t(problem.key, problem.values);
  const errorOf = (path: string): string | undefined => {
    const problem = errors[path];
    if (!problem) return undefined;
    const show = attempted.has(step) || step === 'review' || form.isTouched(path) || form.isTouched(path.split('.')[0]);
    return show ? translate(problem) : undefined;
  };

  const flavor = catalog.flavors.find((entry) => entry.id === values.flavorId);
  const quota = quotaImpact(catalog.limits, flavor, serverCount(values));
  const over = exceedsQuota(quota);
  const body = useMemo(() => buildCreateServerBody(values, { supportsDescription }), [values, supportsDescription]);
  // what the review shows is what the submit sends
  const request = serverRequests.create(body, buildOpenstackCli(values, { flavorName: flavor?.name }, { supportsDescription }));

  const goTo = (index: number) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (index > 0) next.set('step', WIZARD_STEPS[index]);
        else next.delete('step');
        return next;
      },
      { replace: true },
    );
  };

  const next = () => {
    if (Object.keys(errors).length) {
      setAttempted((current) => new Set(current).add(step));
      return;
    }
    goTo(Math.min(active + 1, WIZARD_STEPS.length - 1));
  };

  const [created, setCreated] = useState<{ result: CreatedServers; names: string[]; tags: string[] } | null>(null);

  const submit = () => {
    const invalid = firstInvalidStep(values, context);
    if (invalid) {
      setAttempted((current) => new Set(current).add(invalid));
      goTo(WIZARD_STEPS.indexOf(invalid));
      return;
    }
    if (over.length) return;
    const tags = tagsAfterCreate(values);
    const names = serverNames(values);
    create.mutate(request, {
      onSuccess: (result) => {
        draft.clear();
        // several servers: each is reported on its own, here
        if (names.length > 1 || result.kind === 'reservation') {
          notifySuccess(t('servers.wizard.createdMany', { count: names.length }));
          setCreated({ result, names, tags });
          return;
        }
        notifySuccess(t('servers.wizard.created', { name: values.name }));
        if (tags.length) {
          void applyTagsWhenReady(compute, queryClient, result.id, tags)
            .then((outcome) => {
              if (outcome !== 'applied') notifyError(new Error(t('servers.wizard.tagsNotApplied', { tags: tags.join(', ') })));
            })
            .catch(notifyError);
        }
        navigate(`/servers/${encodeURIComponent(result.id)}`);
      },
    });
  };

  const stepProps = { form, catalog, errorOf };

  if (created) return <CreatedReport created={created.result} names={created.names} tags={created.tags} />;

  return (
    <Stack gap="lg">
      {restored && (
        <Alert
          color="blue"
          icon={<IconInfoCircle size={18} />}
          withCloseButton
          onClose={() => setRestored(false)}
          title={t('servers.wizard.draftRestored')}
        >
          <Group gap="xs">
            <Text size="sm">{t('servers.wizard.draftRestoredHint')}</Text>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                draft.clear();
                form.setValues(emptyWizardValues());
                form.resetTouched();
                setRestored(false);
                goTo(0);
              }}
            >
              {t('servers.wizard.startOver')}
            </Button>
          </Group>
        </Alert>
      )}
      <Stepper
        active={active}
        onStepClick={(index) => {
          // going back is free; going forward passes through each step's checks
          if (index <= active) goTo(index);
          else {
            const blocking = WIZARD_STEPS.slice(0, index).find((s) => Object.keys(validateWizardStep(s, values, context)).length);
            if (blocking) {
              setAttempted((current) => new Set(current).add(blocking));
              goTo(WIZARD_STEPS.indexOf(blocking));
            } else goTo(index);
          }
        }}
        size="sm"
        classNames={{ steps: classes.stepper, separator: classes.stepperSeparator, stepLabel: classes.stepperText, stepDescription: classes.stepperText }}
        aria-label={t('servers.wizard.steps')}
      >
        {WIZARD_STEPS.map((name) => (
          <Stepper.Step key={name} label={t(`servers.wizard.step.${name}`)} description={t(`servers.wizard.stepHint.${name}`)} />
        ))}
      </Stepper>
      <Paper withBorder radius="md" p="lg" component="section" aria-label={t(`servers.wizard.step.${step}`)}>
        {step === 'basics' && <StepBasics {...stepProps} supportsDescription={supportsDescription} />}
        {step === 'image' && <StepImage {...stepProps} />}
        {step === 'flavor' && <StepFlavor {...stepProps} />}
        {step === 'network' && <StepNetwork {...stepProps} />}
        {step === 'keypair' && <StepKeypair {...stepProps} keypairCreation={keypairCreation} />}
        {step === 'advanced' && <StepAdvanced {...stepProps} />}
        {step === 'review' && <StepReview form={form} catalog={catalog} quota={quota} request={describeServerRequest(compute, request)} submitError={create.error} />}
      </Paper>
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} disabled={active === 0} onClick={() => goTo(active - 1)}>
          {t('servers.wizard.back')}
        </Button>
        {step === 'review' ? (
          <Button
            leftSection={<IconRocket size={16} />}
            onClick={submit}
            loading={create.isPending}
            disabled={over.length > 0 || Object.keys(errors).length > 0}
          >
            {t('servers.wizard.submit')}
          </Button>
        ) : (
          <Button rightSection={<IconArrowRight size={16} />} onClick={next}>
            {t('servers.wizard.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
