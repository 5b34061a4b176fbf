import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './db/create-db.js';
import { testApp } from './test-support/test-app.js';
import { backends } from './test-support/test-db.js';

describe('API description', () => {
  let db: DbHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await backends()[0]!.open();
    app = await testApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers health without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI document generated from the contract schemas, and a browsable UI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/login',
      '/api/enterprises',
      '/api/enterprises/{id}',
      '/api/calc/{name}',
      '/api/monitoring/devices',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const create = doc.paths['/api/enterprises'].post;
    expect(JSON.stringify(create.requestBody)).toContain('creditCode');
    const ui = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/html/);
  });

  it('answers an unknown API route with a JSON 404 naming it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().error.message).toContain('/api/no-such-thing');
  });
});
