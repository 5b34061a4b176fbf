import { ADMIN_ROLES, type Role } from '@ecep/contract';

/** Who may do what in the UI; the server checks again, this only hides what would be refused. */
export const isAdmin = (role: Role): boolean => ADMIN_ROLES.includes(role);
export const canReadAudit = (role: Role): boolean => role === 'province_admin' || role === 'auditor';
export const canReadEnterprises = (role: Role): boolean => role !== 'public';
export const canManageUsers = isAdmin;
/** The gateway's counters cover every region: province-level administrators and auditors only. */
export const canReadGatewayStatus = (me: { role: Role; regionCode: string | null }): boolean =>
  (me.role === 'province_admin' || me.role === 'auditor') && (me.regionCode ?? '').endsWith('0000');

/** Which roles each admin may create (mirrors the server's rule; the server has the last word). */
const CREATABLE: Partial<Record<Role, readonly Role[]>> = {
  province_admin: ['province_admin', 'city_admin', 'county_admin', 'enterprise_user', 'auditor', 'public'],
  city_admin: ['county_admin', 'enterprise_user', 'auditor'],
  county_admin: ['enterprise_user'],
};
export const creatableRoles = (role: Role): readonly Role[] => CREATABLE[role] ?? [];
