import { describe, expect, it } from 'vitest';
import detailEn from '../../locales/en/server-detail.json';
import en from '../../locales/en/servers.json';
import { SERVER_COLUMNS } from './list/columns';
import { SERVER_OPERATIONS, type BlockReason } from './lifecycle';
import { WIZARD_STEPS } from './wizard/wizard-validation';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) out.set(leaf, text);
  }
  return out;
}

const english = leaves(en as Tree);
const detailEnglish = leaves(detailEn as Tree);
/** A key exists as such or with i18next's plural suffixes. */
const has = (key: string) => english.has(key) || english.has(`${key}_other`);
const hasDetail = (key: string) => detailEnglish.has(key) || detailEnglish.has(`${key}_other`);

// the servers feature's own sources (core, list with the palette, wizard; not the detail page's files)
const sources = import.meta.glob<string>(['./*.{ts,tsx}', './{list,wizard}/*.{ts,tsx}', '../../app/routes/servers/{list,create}.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const detailSources = import.meta.glob<string>(['./detail/**/*.{ts,tsx}', '../../app/routes/servers/detail.tsx', '!**/*.test.*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

// zh-CN against en (same keys, none empty, same placeholders): src/locales/locales.test.ts
describe('servers strings', () => {
  it('has every key the code names literally', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/t\(\s*'servers\.([\w.-]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !has(key))).toEqual([]);
  });

  it('has every key the server page names literally', () => {
    const used = new Set<string>();
    for (const text of Object.values(detailSources)) {
      for (const match of text.matchAll(/t\(\s*'server-detail\.([\w.-]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((key) => !hasDetail(key))).toEqual([]);
  });

  it('has every key the code builds from a value', () => {
    const reasons: BlockReason[] = ['locked', 'state', 'busy', 'alreadyLocked', 'notLocked', 'deleted', 'notReady'];
    const quick = ['start', 'stop', 'reboot-soft', 'reboot-hard', 'lock', 'unlock', 'delete', 'tags'];
    const keys = [
      ...SERVER_COLUMNS.map((column) => `columns.${column}`),
      ...quick.map((op) => `ops.${op}`),
      ...reasons.flatMap((reason) => [`reason.${reason}`, `reasonShort.${reason}`]),
      ...WIZARD_STEPS.flatMap((step) => [`wizard.step.${step}`, `wizard.stepHint.${step}`]),
      ...['instances', 'cores', 'ram'].flatMap((r) => [`quota.${r}`, `quota.${r}Unlimited`, `quota.name.${r}`]),
      ...['done', 'failed', 'unknown', 'skipped'].map((state) => `bulk.state.${state}`),
      ...['live', 'upToDate', 'late', 'failed', 'paused'].map((state) => `live.${state}`),
      ...['rebooting', 'rebootingHard', 'rebuilding', 'reverting', 'resizing', 'imaging', 'scheduling', 'blockDeviceMapping', 'networking', 'spawning', 'poweringOff', 'poweringOn', 'deleting', 'migrating', 'password', 'other'].map((task) => `task.${task}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
    // every operation of the lifecycle rules is known to the code that names them
    expect(SERVER_OPERATIONS.length).toBeGreaterThan(quick.length);
  });
});
