import { VISITOR_KEYS as babelVisitorKeys } from '@babel/types';
import { describe, expect, it } from 'vitest';
import { VISITOR_KEYS } from '../../transforms/javascript/lib/visitor-keys.js';

describe('the walk\'s table of child keys', () => {
  it('is @babel/types\' VISITOR_KEYS, type for type and key for key in order', () => {
    expect(VISITOR_KEYS).toEqual(babelVisitorKeys);
  });
});
