import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.js';
import type { DbHandle } from '../db/create-db.js';
import { backends } from '../test-support/test-db.js';
import { ensureAdmin } from './bootstrap.js';
import { findUserByUsername } from './user.repository.js';

describe('first admin', () => {
  const backend = backends()[0]!;
  let db: DbHandle;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('generates a random password once on an empty database and never again', async () => {
    const first = await ensureAdmin(db.db, null);
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const admin = await findUserByUsername(db.db, 'admin');
    expect(admin?.role).toBe('province_admin');
    expect(admin?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(admin!.password_hash, first.generatedPassword!)).toBe(true);
    const second = await ensureAdmin(db.db, 'another-password');
    expect(second).toEqual({ created: false, generatedPassword: null });
  });

  it('uses ECEP_ADMIN_PASSWORD when given and does not print it back', async () => {
    const other = await backend.open();
    try {
      const res = await ensureAdmin(other.db, 'chosen-password');
      expect(res).toEqual({ created: true, generatedPassword: null });
      const admin = await findUserByUsername(other.db, 'admin');
      expect(await verifyPassword(admin!.password_hash, 'chosen-password')).toBe(true);
      expect(await verifyPassword(admin!.password_hash, 'wrong-password')).toBe(false);
    } finally {
      await other.close();
    }
  });
});
