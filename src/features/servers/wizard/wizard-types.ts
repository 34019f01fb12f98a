import type { UseFormReturnType } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import type { CreatedKeypair, CreateKeypairRequest } from '../../keypairs/schemas';
import type { LimitsLike } from './quota-impact';
import type { FlavorChoice, ImageChoice, NetworkChoice, SnapshotChoice } from './wizard-validation';
import type { WizardValues } from './wizard-values';

interface WizardImage extends ImageChoice {
  status?: string;
  metadata?: Record<string, unknown>;
  size?: number;
}

interface WizardSnapshot extends SnapshotChoice {
  createdAt?: string | null;
}

interface WizardLimits extends LimitsLike {
  maxServerMeta?: number;
  maxPersonality?: number;
  maxPersonalitySize?: number;
}

/** Everything the wizard picks from, fetched by the page (which composes several features). */
export interface WizardCatalog {
  zones: string[];
  images: WizardImage[];
  /** Volume snapshots to boot from; absent when they could not be listed. */
  snapshots?: WizardSnapshot[];
  flavors: FlavorChoice[];
  networks: NetworkChoice[];
  securityGroups: Array<{ name: string; description?: string | null }>;
  keypairs: Array<{ name: string; fingerprint?: string; type?: string }>;
  serverGroups: Array<{ id: string; name: string; policies?: string[] }>;
  limits?: WizardLimits;
}

export type WizardForm = UseFormReturnType<WizardValues>;

/**
 * Add Keypair (14.3) as the keypairs feature sends it (its useCreateKeypair), passed in by the
 * page: a feature uses another feature's queries only, and the app composes the rest.
 */
export type KeypairCreation = UseMutationResult<CreatedKeypair, Error, CreateKeypairRequest>;

export interface StepProps {
  form: WizardForm;
  catalog: WizardCatalog;
  /** The translated error of a form path, when it should show (touched, or after "Next"). */
  errorOf: (path: string) => string | undefined;
}
