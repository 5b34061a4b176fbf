import type { Role } from '@ecep/contract';

/** The authenticated caller, as every service sees it. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** GB/T 2260 code of the caller's region; null means the whole country. */
  regionCode: string | null;
  enterpriseId: string | null;
}

/**
 * The code prefix that every region inside `code` starts with: `140000` → `14`, `140100` → `1401`,
 * `140105` → `140105`, null → `` (everything).
 */
export function regionPrefix(code: string | null): string {
  if (!code) return '';
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether `regionCode` lies inside the caller's region. */
export function regionInScope(principal: Pick<Principal, 'regionCode'>, regionCode: string): boolean {
  return regionCode.startsWith(regionPrefix(principal.regionCode));
}

/** Whether `outer` contains `inner` (or equals it). */
export function regionContains(outer: string | null, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}
