import { describe, expect, it } from 'vitest';
import { findUnknownMigration, orderTables, type ForeignKey } from './introspect.ts';

const fk = (child: string, parent: string): ForeignKey => ({
  child,
  parent,
  childColumns: ['x'],
  parentColumns: ['id'],
});

describe('orderTables', () => {
  it.each([
    ['no keys: by name', ['b', 'a'], [], ['a', 'b']],
    [
      'parents first',
      ['memberships', 'people', 'boards'],
      [fk('memberships', 'people'), fk('people', 'boards')],
      ['boards', 'people', 'memberships'],
    ],
    [
      'a self-reference does not block',
      ['tree', 'boards'],
      [fk('tree', 'tree'), fk('tree', 'boards')],
      ['boards', 'tree'],
    ],
    ['keys to other schemas are ignored', ['a'], [fk('a', 'elsewhere')], ['a']],
    ['a cycle comes last, by name', ['z', 'y', 'a'], [fk('z', 'y'), fk('y', 'z')], ['a', 'y', 'z']],
  ])('%s', (_name, tables, fks, expected) => {
    expect(orderTables(tables, fks)).toEqual(expected);
  });
});

describe('findUnknownMigration', () => {
  const m = (createdAt: number) => ({ tag: `m${createdAt}`, createdAt, hash: 'h' });
  const code = [m(1), m(2), m(3)];
  it('accepts the same and an older level', () => {
    expect(findUnknownMigration(code, code)).toBeNull();
    expect(findUnknownMigration([m(1)], code)).toBeNull();
    expect(findUnknownMigration([], code)).toBeNull();
  });
  it('refuses a newer or a different history', () => {
    expect(findUnknownMigration([...code, m(4)], code)).toEqual(m(4));
    expect(findUnknownMigration([m(1), m(5)], code)).toEqual(m(5));
  });
});
