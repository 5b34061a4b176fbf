import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { recordScopeOf, recordVisibleTo } from './record-scope.js';

const principal = (over: Partial<Principal>): Principal => ({
  userId: 'u1',
  username: 'u1',
  displayName: 'u1',
  role: 'city_admin',
  regionCode: '140100',
  enterpriseId: null,
  ...over,
});
const ENT = '11111111-1111-1111-1111-111111111111';

describe('recordScopeOf', () => {
  it('narrows an administrator to the code prefix of the region', () => {
    expect(recordScopeOf(principal({}))).toEqual({ regionPrefix: '1401', enterpriseId: null });
  });

  it('narrows an enterprise user to the enterprise, and one without an enterprise to none', () => {
    expect(recordScopeOf(principal({ role: 'enterprise_user', enterpriseId: ENT }))).toEqual({
      regionPrefix: '',
      enterpriseId: ENT,
    });
    expect(recordScopeOf(principal({ role: 'enterprise_user' })).enterpriseId).toBe(
      '00000000-0000-0000-0000-000000000000',
    );
  });
});

describe('recordVisibleTo', () => {
  it('shows an administrator the records inside the region only', () => {
    expect(recordVisibleTo(principal({}), ENT, '140105')).toBe(true);
    expect(recordVisibleTo(principal({}), ENT, '140200')).toBe(false);
  });

  it('shows an enterprise user the records of the own enterprise only', () => {
    const p = principal({ role: 'enterprise_user', enterpriseId: ENT });
    expect(recordVisibleTo(p, ENT, '140200')).toBe(true);
    expect(recordVisibleTo(p, '22222222-2222-2222-2222-222222222222', '140105')).toBe(false);
    expect(recordVisibleTo(p, null, '140105')).toBe(false);
    expect(recordVisibleTo(principal({ role: 'enterprise_user' }), null, '140105')).toBe(false);
  });

  it('shows the public nothing', () => {
    expect(recordVisibleTo(principal({ role: 'public', regionCode: null }), ENT, '140105')).toBe(false);
  });
});
