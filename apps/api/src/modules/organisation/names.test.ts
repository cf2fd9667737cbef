import { describe, expect, it } from 'vitest';
import { displayName, likePattern, searchTextOf } from './names.ts';

describe('names', () => {
  it('writes Dutch names with their tussenvoegsel', () => {
    expect(displayName({ firstName: 'Jan', infix: 'van der', lastName: 'Berg' })).toBe('Jan van der Berg');
    expect(displayName({ firstName: 'Eva', infix: null, lastName: 'Smit' })).toBe('Eva Smit');
    expect(displayName({ firstName: 'Eva', infix: ' ', lastName: 'Smit' })).toBe('Eva Smit');
  });
  it('builds the search text in lower case', () => {
    expect(
      searchTextOf({ firstName: 'Jan', infix: 'de', lastName: 'Vries', email: 'J@X.nl', employeeNumber: '12' }),
    ).toBe('jan de vries j@x.nl 12');
  });
  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_a\\')).toBe('%50\\%\\_a\\\\%');
  });
});
