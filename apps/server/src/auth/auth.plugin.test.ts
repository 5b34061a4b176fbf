import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.js';
import { registerAuth } from './auth.plugin.js';
import { regionContains, regionInScope, regionPrefix } from './principal.js';

describe('route access declarations', () => {
  it('refuses to register an /api route that declares no access', () => {
    const app = Fastify();
    registerAuth(app, {} as Kysely<Database>);
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/declares no access/);
    expect(() =>
      app.get('/api/declared', { config: { access: { public: true } } }, async () => ({})),
    ).not.toThrow();
    // Non-API routes (the web app) need no declaration.
    expect(() => app.get('/index.html', async () => '')).not.toThrow();
  });
});

describe('region scope', () => {
  it('derives the prefix from the level of the code', () => {
    expect(regionPrefix('140000')).toBe('14');
    expect(regionPrefix('140100')).toBe('1401');
    expect(regionPrefix('140105')).toBe('140105');
    expect(regionPrefix(null)).toBe('');
  });

  it('puts a county inside its city and province but not inside a neighbouring city', () => {
    expect(regionInScope({ regionCode: '140100' }, '140105')).toBe(true);
    expect(regionInScope({ regionCode: '140000' }, '140105')).toBe(true);
    expect(regionInScope({ regionCode: '140200' }, '140105')).toBe(false);
    expect(regionInScope({ regionCode: '140105' }, '140106')).toBe(false);
    expect(regionContains(null, '620100')).toBe(true);
    expect(regionContains('140000', '620100')).toBe(false);
  });
});
