import { describe, expect, it } from 'vitest';
import { confirmationOf, typedConfirmation } from './confirmation';

describe('asking before a server operation', () => {
  it('safe operations run at once, disruptive ones ask, destructive ones ask for typing', () => {
    expect(['start', 'lock', 'unlock', 'tags'].map((op) => confirmationOf(op as never))).toEqual(['none', 'none', 'none', 'none']);
    expect(['stop', 'reboot-soft', 'reboot-hard'].map((op) => confirmationOf(op as never))).toEqual(['confirm', 'confirm', 'confirm']);
    expect(confirmationOf('delete')).toBe('typed');
  });

  it('one server is confirmed by its name (its id when it has none), several by their count', () => {
    expect(typedConfirmation([{ id: 's1', name: 'web-1' }])).toBe('web-1');
    expect(typedConfirmation([{ id: 's1', name: '' }])).toBe('s1');
    expect(typedConfirmation([{ id: 's1', name: 'a' }, { id: 's2', name: 'b' }, { id: 's3', name: 'c' }])).toBe('3');
  });
});
