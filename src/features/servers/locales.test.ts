import { describe, expect, it } from 'vitest';
import en from '../../locales/en/servers.json';
import zhCN from '../../locales/zh-CN/servers.json';
import { SERVER_COLUMNS } from './columns';
import { SERVER_OPERATIONS, type BlockReason } from './lifecycle';
import { WIZARD_STEPS } from './wizard-validation';

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

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const english = leaves(en as Tree);
const chinese = leaves(zhCN as Tree);
/** A key exists as such or with i18next's plural suffixes. */
const has = (key: string) => english.has(key) || english.has(`${key}_other`);

// the servers feature's own sources (list, wizard, palette; not the detail page's files)
const sources = import.meta.glob<string>(['./*.{ts,tsx}', './components/{list,wizard,palette}/*.tsx', '../../app/routes/servers/{list,create}.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('servers strings', () => {
  it('zh-CN and en have the same keys, none empty, with the same placeholders', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of english) expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has every key the code names literally', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/t\(\s*'servers\.([\w.-]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !has(key))).toEqual([]);
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
      ...['done', 'failed', 'skipped'].map((state) => `bulk.state.${state}`),
      ...['live', 'idle', 'paused'].map((state) => `live.${state}`),
      ...['rebooting', 'rebootingHard', 'rebuilding', 'reverting', 'resizing', 'imaging', 'scheduling', 'blockDeviceMapping', 'networking', 'spawning', 'poweringOff', 'poweringOn', 'deleting', 'migrating', 'password', 'other'].map((task) => `task.${task}`),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
    // every operation of the lifecycle rules is known to the code that names them
    expect(SERVER_OPERATIONS.length).toBeGreaterThan(quick.length);
  });
});
