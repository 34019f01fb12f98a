import { describe, expect, it } from 'vitest';
import type { Server } from '../schemas';
import { ENGLISH_OPERATION_WORDS, paletteEntries, parsePalette, type PalettePage } from './palette-entries';

const server = (id: string, name: string, fields: Partial<Server> = {}): Server =>
  ({ id, name, status: 'ACTIVE', 'OS-EXT-STS:vm_state': 'active', 'OS-EXT-STS:task_state': null, locked: false, ...fields }) as Server;

const pages: PalettePage[] = [
  { label: 'Servers', path: '/servers', keywords: ['servers'] },
  { label: 'Volumes', path: '/volumes', keywords: ['volumes'] },
  { label: 'Security groups', path: '/security-groups', keywords: ['security groups'] },
];
const member = { isAdmin: false };
const words = ENGLISH_OPERATION_WORDS;
const labels = (entries: ReturnType<typeof paletteEntries>) =>
  entries.map((e) => (e.kind === 'page' ? `page ${e.page.path}` : e.kind === 'create' ? 'create' : e.kind === 'open' ? `open ${e.server.name}` : `${e.operation} ${e.server.name}`));

describe('command palette: what was typed', () => {
  it('finds the operation named first and the server text after it', () => {
    expect(parsePalette('reboot web-02', words)).toEqual({ operations: ['reboot-soft', 'reboot-hard'], serverText: 'web-02' });
    expect(parsePalette('hard reboot web-02', words)).toEqual({ operations: ['reboot-hard'], serverText: 'web-02' });
    expect(parsePalette('Stop', words)).toEqual({ operations: ['stop'], serverText: '' });
    // a word being typed
    expect(parsePalette('reb', words)).toEqual({ operations: ['reboot-soft', 'reboot-hard'], serverText: '' });
    // a name that merely starts like an operation is a name
    expect(parsePalette('start-01', words)).toEqual({ operations: [], serverText: 'start-01' });
    expect(parsePalette('web-02', words)).toEqual({ operations: [], serverText: 'web-02' });
    // the UI language's label works too
    expect(parsePalette('重启 web-02', { ...words, 'reboot-soft': ['重启'] })).toEqual({ operations: ['reboot-soft'], serverText: 'web-02' });
  });
});

describe('command palette: what it offers, first match first', () => {
  const web = server('s1', 'web-02');
  const stopped = server('s2', 'web-03', { status: 'SHUTOFF', 'OS-EXT-STS:vm_state': 'stopped' });

  it('a server found by name comes first, then what its state allows', () => {
    const entries = paletteEntries({ text: 'web-02', parsed: parsePalette('web-02', words), pages, createWords: ['create server'], found: [web], actor: member });
    expect(labels(entries)).toEqual(['open web-02', 'stop web-02', 'reboot-soft web-02', 'reboot-hard web-02', 'lock web-02', 'delete web-02']);
  });

  it('"reboot" lists the reboots of the server of the page, or of the servers found after it', () => {
    const alone = paletteEntries({ text: 'reboot', parsed: parsePalette('reboot', words), pages, createWords: [], found: [], current: web, actor: member });
    expect(labels(alone)).toEqual(['reboot-soft web-02', 'reboot-hard web-02']);
    const named = paletteEntries({ text: 'reboot web', parsed: parsePalette('reboot web', words), pages, createWords: [], found: [web, stopped], actor: member });
    // a stopped server cannot be soft-rebooted (Nova's state rule)
    expect(labels(named)).toEqual(['reboot-soft web-02', 'reboot-hard web-02', 'reboot-hard web-03']);
    expect(paletteEntries({ text: 'reboot', parsed: parsePalette('reboot', words), pages, createWords: [], found: [], actor: member })).toEqual([]);
  });

  it('pages and "create a server" are found by their names', () => {
    const vol = paletteEntries({ text: 'volu', parsed: parsePalette('volu', words), pages, createWords: [], found: [], actor: member });
    expect(labels(vol)).toEqual(['page /volumes']);
    const create = paletteEntries({ text: 'create', parsed: parsePalette('create', words), pages, createWords: ['Create server', 'new server'], found: [], actor: member });
    expect(labels(create)).toEqual(['create']);
    const both = paletteEntries({ text: 'server', parsed: parsePalette('server', words), pages, createWords: ['Create server'], found: [web], actor: member });
    expect(labels(both).slice(0, 3)).toEqual(['page /servers', 'create', 'open web-02']);
  });
});
