/** Roles, from the widest to the narrowest scope. */
export const ROLES = [
  'province_admin',
  'city_admin',
  'county_admin',
  'enterprise_user',
  'auditor',
  'public',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_ZH: Record<Role, string> = {
  province_admin: '省级管理员',
  city_admin: '市级管理员',
  county_admin: '县级管理员',
  enterprise_user: '企业用户',
  auditor: '审计/核查人员',
  public: '公众',
};

/** Roles that administer records inside their region scope. */
export const ADMIN_ROLES: readonly Role[] = ['province_admin', 'city_admin', 'county_admin'];
