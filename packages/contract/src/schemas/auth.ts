import { type Static, Type } from 'typebox';

/** Written out (not mapped from ROLES) so that Static<> yields the literal union. */
export const RoleSchema = Type.Union([
  Type.Literal('province_admin'),
  Type.Literal('city_admin'),
  Type.Literal('county_admin'),
  Type.Literal('enterprise_user'),
  Type.Literal('auditor'),
  Type.Literal('public'),
]);

export const LoginRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { $id: 'LoginRequest' },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const Me = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    regionCode: Type.Union([Type.String(), Type.Null()]),
    regionName: Type.Union([Type.String(), Type.Null()]),
    enterpriseId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Me' },
);
export type Me = Static<typeof Me>;

export const LoginResponse = Type.Object(
  {
    token: Type.String({ description: 'Bearer token; the same value is set as the ecep_session cookie' }),
    user: Me,
  },
  { $id: 'LoginResponse' },
);
export type LoginResponse = Static<typeof LoginResponse>;

export const UserCreate = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    regionCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{6}$' }), Type.Null()])),
    enterpriseId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { $id: 'UserCreate' },
);
export type UserCreate = Static<typeof UserCreate>;

export const User = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    regionCode: Type.Union([Type.String(), Type.Null()]),
    enterpriseId: Type.Union([Type.String(), Type.Null()]),
    disabled: Type.Boolean(),
    createdAt: Type.String(),
  },
  { $id: 'User' },
);
export type User = Static<typeof User>;

export const UserList = Type.Object({ items: Type.Array(User) }, { $id: 'UserList' });
export type UserList = Static<typeof UserList>;
