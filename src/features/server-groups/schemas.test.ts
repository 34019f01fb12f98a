import { describe, expect, it } from 'vitest';
import { serverGroupNameProblem } from './schemas';

describe('server group name (spec 8.1: more than 0, fewer than 256 bytes)', () => {
  it('counts bytes, not characters', () => {
    expect(serverGroupNameProblem('web')).toBeNull();
    expect(serverGroupNameProblem(' ')).toBe('serverGroups.validation.nameRequired');
    expect(serverGroupNameProblem('a'.repeat(255))).toBeNull();
    expect(serverGroupNameProblem('a'.repeat(256))).toBe('serverGroups.validation.nameTooLong');
    expect(serverGroupNameProblem('组'.repeat(85))).toBeNull();
    expect(serverGroupNameProblem('组'.repeat(86))).toBe('serverGroups.validation.nameTooLong');
  });
});
