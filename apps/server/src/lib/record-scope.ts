import { type Principal, regionInScope, regionPrefix } from '../auth/principal.js';

/** Matches no enterprise: the scope of an enterprise user who has none. */
const NO_ENTERPRISE = '00000000-0000-0000-0000-000000000000';

/**
 * What the caller's lists of enterprise records are narrowed to: enterprise users to their own enterprise,
 * everyone else to the code prefix of their region (`''` = everywhere).
 */
export function recordScopeOf(p: Principal): { regionPrefix: string; enterpriseId: string | null } {
  if (p.role === 'enterprise_user')
    return { regionPrefix: '', enterpriseId: p.enterpriseId ?? NO_ENTERPRISE };
  return { regionPrefix: regionPrefix(p.regionCode), enterpriseId: null };
}

/**
 * Whether the caller sees a record of enterprise `enterpriseId` in region `regionCode`: enterprise users only
 * their own enterprise's, the public none, everyone else those inside their region.
 */
export function recordVisibleTo(p: Principal, enterpriseId: string | null, regionCode: string): boolean {
  if (p.role === 'public') return false;
  if (p.role === 'enterprise_user') return enterpriseId !== null && enterpriseId === p.enterpriseId;
  return regionInScope(p, regionCode);
}
