/** A string id that the type system keeps apart from other ids and from plain strings. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type UserId = Brand<string, 'UserId'>;
export type EnterpriseId = Brand<string, 'EnterpriseId'>;
/** A six-digit GB/T 2260 administrative division code, e.g. `140100` (太原市). */
export type RegionCode = Brand<string, 'RegionCode'>;

export const asEnterpriseId = (id: string): EnterpriseId => id as EnterpriseId;
export const asUserId = (id: string): UserId => id as UserId;
export const asRegionCode = (code: string): RegionCode => code as RegionCode;
