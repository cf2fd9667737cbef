import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  Id,
  IdParams,
  ManagersInput,
  MembershipInput,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  PersonInput,
  PersonUpdate,
  School,
  SchoolInput,
  SchoolList,
  SchoolUpdate,
  Team,
  TeamInput,
  TeamList,
  TeamsQuery,
  TeamUpdate,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import * as service from './organisation.service.ts';
import * as structure from './structure.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['beheer'];

export const organisationRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get(
    '/api/admin/people',
    { ...auth, schema: { tags, querystring: PeopleQuery, response: { 200: PeoplePage, ...errors } } },
    (req) => service.listPeople(ctxOf(req), req.query),
  );
  app.post(
    '/api/admin/people',
    { ...auth, schema: { tags, body: PersonInput, response: { 201: PersonDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(await service.createPerson(ctxOf(req), req.body)),
  );
  app.get(
    '/api/admin/people/:id',
    { ...auth, schema: { tags, params: IdParams, response: { 200: PersonDetail, ...errors } } },
    (req) => service.getPerson(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/admin/people/:id',
    { ...auth, schema: { tags, params: IdParams, body: PersonUpdate, response: { 200: PersonDetail, ...errors } } },
    (req) => service.updatePerson(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/admin/people/:id/memberships',
    { ...auth, schema: { tags, params: IdParams, body: MembershipInput, response: { 201: PersonDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(await service.addMembership(ctxOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/admin/people/:id/memberships/:membershipId',
    {
      ...auth,
      schema: {
        tags,
        params: z.object({ id: Id, membershipId: Id }).strict(),
        response: { 200: PersonDetail, ...errors },
      },
    },
    (req) => service.removeMembership(ctxOf(req), req.params.id, req.params.membershipId),
  );
  app.put(
    '/api/admin/people/:id/managers',
    { ...auth, schema: { tags, params: IdParams, body: ManagersInput, response: { 200: PersonDetail, ...errors } } },
    (req) => service.setManagers(ctxOf(req), req.params.id, req.body.managerIds),
  );

  app.get('/api/admin/schools', { ...auth, schema: { tags, response: { 200: SchoolList, ...errors } } }, (req) =>
    structure.listSchools(ctxOf(req)),
  );
  app.post(
    '/api/admin/schools',
    { ...auth, schema: { tags, body: SchoolInput, response: { 201: School, ...errors } } },
    async (req, reply) => reply.code(201).send(await structure.createSchool(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/admin/schools/:id',
    { ...auth, schema: { tags, params: IdParams, body: SchoolUpdate, response: { 200: School, ...errors } } },
    (req) => structure.updateSchool(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/admin/teams',
    { ...auth, schema: { tags, querystring: TeamsQuery, response: { 200: TeamList, ...errors } } },
    (req) => structure.listTeams(ctxOf(req), req.query.schoolId),
  );
  app.post(
    '/api/admin/teams',
    { ...auth, schema: { tags, body: TeamInput, response: { 201: Team, ...errors } } },
    async (req, reply) => reply.code(201).send(await structure.createTeam(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/admin/teams/:id',
    { ...auth, schema: { tags, params: IdParams, body: TeamUpdate, response: { 200: Team, ...errors } } },
    (req) => structure.updateTeam(ctxOf(req), req.params.id, req.body),
  );
};
