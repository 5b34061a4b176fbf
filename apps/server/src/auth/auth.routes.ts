import { LoginRequest, LoginResponse, Me } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { ANY_SIGNED_IN } from './access.js';
import { principalOf, SESSION_COOKIE } from './auth.plugin.js';
import { describePrincipal, login } from './auth.service.js';
import { deleteSession } from './session.repository.js';

export function registerAuthRoutes(app: FastifyInstance, db: Kysely<Database>, config: Config): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: '登录 / sign in',
        body: LoginRequest,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as LoginRequest;
      const { token, principal } = await login(db, username, password, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionTtlHours * 3600,
      });
      const user = await describePrincipal(db, principal);
      return { token, user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: ANY_SIGNED_IN },
      schema: {
        tags: ['auth'],
        summary: '退出 / sign out',
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async (request, reply) => {
      if (request.sessionToken) await deleteSession(db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: ANY_SIGNED_IN },
      schema: { tags: ['auth'], summary: '当前用户 / the signed-in user', response: { 200: Me } },
    },
    async (request) => describePrincipal(db, principalOf(request)),
  );
}
