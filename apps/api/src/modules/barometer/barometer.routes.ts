import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BarometerAnswer,
  BarometerForm,
  BarometerNoQuery,
  BarometerOk,
  BarometerResults,
  BarometerRoundCreate,
  BarometerSettings,
  BarometerSettingsUpdate,
  ErrorBody,
  Id,
  IdParams,
  SchoolBarometer,
  SchoolBarometerStart,
  TeamBarometer,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import * as answers from './answers.service.ts';
import * as results from './results.service.ts';
import * as rounds from './rounds.service.ts';
import * as team from './team.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['barometer'];
const TeamParams = z.object({ teamId: Id }).strict();
const SchoolParams = z.object({ schoolId: Id }).strict();
const Created = z.object({ id: Id });

// Every route refuses query parameters (BarometerNoQuery): there is no filter or breakdown of anonymous answers.
export const barometerRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };
  const querystring = BarometerNoQuery;

  // The team's own page: members only.
  app.get(
    '/api/teams/:teamId/barometer',
    { ...auth, schema: { tags, params: TeamParams, querystring, response: { 200: TeamBarometer, ...errors } } },
    (req) => team.getTeamBarometer(ctxOf(req), req.params.teamId),
  );
  app.put(
    '/api/teams/:teamId/barometer/settings',
    {
      ...auth,
      schema: {
        tags,
        params: TeamParams,
        querystring,
        body: BarometerSettingsUpdate,
        response: { 200: BarometerSettings, ...errors },
      },
    },
    (req) => team.updateSettings(ctxOf(req), req.params.teamId, req.body),
  );
  app.post(
    '/api/teams/:teamId/barometer/rounds',
    {
      ...auth,
      schema: {
        tags,
        params: TeamParams,
        querystring,
        body: BarometerRoundCreate,
        response: { 201: Created, ...errors },
      },
    },
    async (req, reply) => {
      const round = await rounds.startTeamRound(ctxOf(req), req.params.teamId, req.body);
      return reply.code(201).send({ id: round.id });
    },
  );

  // The school's leaders: start rounds for every team, see which run and what a team shared.
  app.get(
    '/api/schools/:schoolId/barometer',
    { ...auth, schema: { tags, params: SchoolParams, querystring, response: { 200: SchoolBarometer, ...errors } } },
    (req) => results.getSchoolBarometer(ctxOf(req), req.params.schoolId),
  );
  app.post(
    '/api/schools/:schoolId/barometer/rounds',
    {
      ...auth,
      schema: {
        tags,
        params: SchoolParams,
        querystring,
        body: BarometerRoundCreate,
        response: { 201: SchoolBarometerStart, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await rounds.startSchoolRounds(ctxOf(req), req.params.schoolId, req.body)),
  );

  // One round.
  app.get(
    '/api/barometer/rounds/:id',
    { ...auth, schema: { tags, params: IdParams, querystring, response: { 200: BarometerForm, ...errors } } },
    (req) => answers.getForm(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/barometer/rounds/:id/answers',
    {
      ...auth,
      schema: { tags, params: IdParams, querystring, body: BarometerAnswer, response: { 201: BarometerOk, ...errors } },
    },
    async (req, reply) => {
      await answers.answer(ctxOf(req), req.params.id, req.body);
      return reply.code(201).send({ ok: true as const });
    },
  );
  app.post(
    '/api/barometer/rounds/:id/close',
    { ...auth, schema: { tags, params: IdParams, querystring, response: { 200: BarometerOk, ...errors } } },
    async (req) => {
      await rounds.closeRound(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/barometer/rounds/:id/results',
    { ...auth, schema: { tags, params: IdParams, querystring, response: { 200: BarometerResults, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return results.getResults(ctxOf(req), req.params.id);
    },
  );
  app.post(
    '/api/barometer/rounds/:id/share',
    { ...auth, schema: { tags, params: IdParams, querystring, response: { 200: BarometerOk, ...errors } } },
    async (req) => {
      await rounds.setShared(ctxOf(req), req.params.id, true);
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/barometer/rounds/:id/share',
    { ...auth, schema: { tags, params: IdParams, querystring, response: { 200: BarometerOk, ...errors } } },
    async (req) => {
      await rounds.setShared(ctxOf(req), req.params.id, false);
      return { ok: true as const };
    },
  );
};
