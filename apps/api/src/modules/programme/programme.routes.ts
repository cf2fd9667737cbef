import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  PizzaList,
  ProgrammeLinkingInput,
  ProgrammeStartInput,
  ProgrammeStopInput,
  ProgrammeWeekInput,
  ProgressScoreInput,
  TeamParams,
  TeamProgramme,
  TeamProgrammeView,
  TeamProgress,
  YearPlan,
  YearPlanEvent,
  YearPlanEventInput,
  YearPlanEventParams,
  YearPlanEventUpdate,
  YearPlanQuery,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import * as programme from './programme.service.ts';
import * as progress from './progress.service.ts';
import * as yearPlan from './yearplan.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['programme'];

export const programmeRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  // The team's 8-week programme
  app.get(
    '/api/teams/:teamId/programme',
    { ...auth, schema: { tags, params: TeamParams, response: { 200: TeamProgrammeView, ...errors } } },
    (req) => programme.getProgramme(ctxOf(req), req.params.teamId),
  );
  app.post(
    '/api/teams/:teamId/programme',
    {
      ...auth,
      schema: { tags, params: TeamParams, body: ProgrammeStartInput, response: { 201: TeamProgrammeView, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await programme.startProgramme(ctxOf(req), req.params.teamId, req.body)),
  );
  app.post(
    '/api/teams/:teamId/programme/weeks',
    {
      ...auth,
      schema: { tags, params: TeamParams, body: ProgrammeWeekInput, response: { 200: TeamProgramme, ...errors } },
    },
    (req) => programme.recordWeek(ctxOf(req), req.params.teamId, req.body),
  );
  app.post(
    '/api/teams/:teamId/programme/linking',
    {
      ...auth,
      schema: { tags, params: TeamParams, body: ProgrammeLinkingInput, response: { 200: TeamProgramme, ...errors } },
    },
    (req) => programme.planLinking(ctxOf(req), req.params.teamId, req.body),
  );

  app.post(
    '/api/teams/:teamId/programme/stop',
    {
      ...auth,
      schema: { tags, params: TeamParams, body: ProgrammeStopInput, response: { 200: TeamProgrammeView, ...errors } },
    },
    (req) => programme.stopProgramme(ctxOf(req), req.params.teamId, req.body),
  );

  // The progress meter
  app.get(
    '/api/teams/:teamId/progress',
    { ...auth, schema: { tags, params: TeamParams, response: { 200: TeamProgress, ...errors } } },
    (req) => progress.getProgress(ctxOf(req), req.params.teamId),
  );
  app.post(
    '/api/teams/:teamId/progress',
    {
      ...auth,
      schema: { tags, params: TeamParams, body: ProgressScoreInput, response: { 201: TeamProgress, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await progress.addScore(ctxOf(req), req.params.teamId, req.body)),
  );

  // The school's year plan and the board's pizzasessies
  app.get(
    '/api/year-plan',
    { ...auth, schema: { tags, querystring: YearPlanQuery, response: { 200: YearPlan, ...errors } } },
    (req) => yearPlan.getYearPlan(ctxOf(req), req.query.schoolId),
  );
  app.post(
    '/api/year-plan/events',
    { ...auth, schema: { tags, body: YearPlanEventInput, response: { 201: YearPlanEvent, ...errors } } },
    async (req, reply) => reply.code(201).send(await yearPlan.createEvent(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/year-plan/events/:id',
    {
      ...auth,
      schema: {
        tags,
        params: YearPlanEventParams,
        body: YearPlanEventUpdate,
        response: { 200: YearPlanEvent, ...errors },
      },
    },
    (req) => yearPlan.updateEvent(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/year-plan/events/:id',
    { ...auth, schema: { tags, params: YearPlanEventParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await yearPlan.deleteEvent(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get('/api/pizza-sessions', { ...auth, schema: { tags, response: { 200: PizzaList, ...errors } } }, (req) =>
    yearPlan.listPizzas(ctxOf(req)),
  );
  app.put(
    '/api/year-plan/events/:id/registration',
    { ...auth, schema: { tags, params: YearPlanEventParams, response: { 200: YearPlanEvent, ...errors } } },
    (req) => yearPlan.register(ctxOf(req), req.params.id),
  );
  app.delete(
    '/api/year-plan/events/:id/registration',
    { ...auth, schema: { tags, params: YearPlanEventParams, response: { 200: YearPlanEvent, ...errors } } },
    (req) => yearPlan.unregister(ctxOf(req), req.params.id),
  );
};
