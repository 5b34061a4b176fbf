/**
 * Role lists that many routes declare in `config.access.roles`, named once so that every feature grants the
 * same thing under the same name.
 */

/** Everyone signed in except the public: the administrators, enterprise users and auditors. */
export const READERS = [
  'province_admin',
  'city_admin',
  'county_admin',
  'enterprise_user',
  'auditor',
] as const;

/** The administrators and enterprise users, who record data (an enterprise user only its own). */
export const WRITERS = ['province_admin', 'city_admin', 'county_admin', 'enterprise_user'] as const;
