import { User, UserCreate, UserList } from '@ecep/contract';
import type { FastifyInstance } from 'fastify';
import { principalOf } from '../auth/auth.plugin.js';
import type { UserService } from './user.service.js';

export function registerUserRoutes(app: FastifyInstance, service: UserService): void {
  app.get(
    '/api/users',
    {
      config: { access: { roles: ['province_admin', 'city_admin', 'county_admin'], scope: 'region' } },
      schema: { tags: ['users'], summary: '用户列表 / users in scope', response: { 200: UserList } },
    },
    async (request) => ({ items: await service.list(principalOf(request)) }),
  );
  app.post(
    '/api/users',
    {
      config: { access: { roles: ['province_admin', 'city_admin', 'county_admin'], scope: 'region' } },
      schema: {
        tags: ['users'],
        summary: '新增用户 / create a user',
        body: UserCreate,
        response: { 201: User },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(principalOf(request), request.body as UserCreate)),
  );
}
