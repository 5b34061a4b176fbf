import { ADMIN_ROLES, type Role } from '@ecep/contract';

/** Who may do what in the UI; the server checks again, this only hides what would be refused. */
export const isAdmin = (role: Role): boolean => ADMIN_ROLES.includes(role);
export const canReadAudit = (role: Role): boolean => role === 'province_admin' || role === 'auditor';
export const canReadEnterprises = (role: Role): boolean => role !== 'public';
export const canManageUsers = isAdmin;
