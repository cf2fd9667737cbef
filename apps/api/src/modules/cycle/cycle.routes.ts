import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConversationFormInput,
  ConversationFormUpdate,
  ConversationKindInput,
  ConversationKindUpdate,
  CycleConfig,
  CycleCoverage,
  CycleOverview,
  CycleRuleInput,
  CycleRuleUpdate,
  CycleSchoolList,
  ErrorBody,
  Id,
  SchoolSettingsInput,
  SchoolYearInput,
  SchoolYearQuery,
  SchoolYearUpdate,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import * as kinds from './cycle-kinds.service.ts';
import * as overview from './cycle-overview.service.ts';
import * as years from './cycle-years.service.ts';
import * as service from './cycle.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['gesprekscyclus'];
const School = z.object({ schoolId: Id }).strict();
const withId = <K extends string>(key: K) =>
  z.object({ schoolId: Id, [key]: Id } as { schoolId: typeof Id } & Record<K, typeof Id>).strict();
const YearParams = withId('yearId');
const KindParams = withId('kindId');
const RuleParams = withId('ruleId');
const FormParams = withId('formId');
const config = { 200: CycleConfig, ...errors };
const created = { 201: CycleConfig, ...errors };

export const cycleRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get('/api/cycle/schools', { ...auth, schema: { tags, response: { 200: CycleSchoolList, ...errors } } }, (req) =>
    service.listCycleSchools(ctxOf(req)),
  );
  app.get(
    '/api/cycle/overview',
    { ...auth, schema: { tags, querystring: SchoolYearQuery, response: { 200: CycleOverview, ...errors } } },
    (req) => overview.getOverview(ctxOf(req), req.query.schoolYearId),
  );
  app.get(
    '/api/schools/:schoolId/cycle/coverage',
    {
      ...auth,
      schema: { tags, params: School, querystring: SchoolYearQuery, response: { 200: CycleCoverage, ...errors } },
    },
    (req) => overview.getCoverage(ctxOf(req), req.params.schoolId, req.query.schoolYearId),
  );
  app.get('/api/schools/:schoolId/cycle', { ...auth, schema: { tags, params: School, response: config } }, (req) =>
    service.getCycleConfig(ctxOf(req), req.params.schoolId),
  );
  app.post(
    '/api/schools/:schoolId/cycle/defaults',
    { ...auth, schema: { tags, params: School, response: created } },
    async (req, reply) => reply.code(201).send(await service.applyDefaults(ctxOf(req), req.params.schoolId)),
  );
  app.put(
    '/api/schools/:schoolId/settings',
    { ...auth, schema: { tags, params: School, body: SchoolSettingsInput, response: config } },
    (req) => service.saveSettings(ctxOf(req), req.params.schoolId, req.body),
  );

  app.post(
    '/api/schools/:schoolId/cycle/years',
    { ...auth, schema: { tags, params: School, body: SchoolYearInput, response: created } },
    async (req, reply) => reply.code(201).send(await years.createYear(ctxOf(req), req.params.schoolId, req.body)),
  );
  app.put(
    '/api/schools/:schoolId/cycle/years/:yearId',
    { ...auth, schema: { tags, params: YearParams, body: SchoolYearUpdate, response: config } },
    (req) => years.updateYear(ctxOf(req), req.params.schoolId, req.params.yearId, req.body),
  );
  app.delete(
    '/api/schools/:schoolId/cycle/years/:yearId',
    { ...auth, schema: { tags, params: YearParams, response: config } },
    (req) => years.deleteYear(ctxOf(req), req.params.schoolId, req.params.yearId),
  );

  app.post(
    '/api/schools/:schoolId/cycle/kinds',
    { ...auth, schema: { tags, params: School, body: ConversationKindInput, response: created } },
    async (req, reply) => reply.code(201).send(await kinds.createKind(ctxOf(req), req.params.schoolId, req.body)),
  );
  app.patch(
    '/api/schools/:schoolId/cycle/kinds/:kindId',
    { ...auth, schema: { tags, params: KindParams, body: ConversationKindUpdate, response: config } },
    (req) => kinds.updateKind(ctxOf(req), req.params.schoolId, req.params.kindId, req.body),
  );
  app.delete(
    '/api/schools/:schoolId/cycle/kinds/:kindId',
    { ...auth, schema: { tags, params: KindParams, response: config } },
    (req) => kinds.deleteKind(ctxOf(req), req.params.schoolId, req.params.kindId),
  );

  app.post(
    '/api/schools/:schoolId/cycle/rules',
    { ...auth, schema: { tags, params: School, body: CycleRuleInput, response: created } },
    async (req, reply) => reply.code(201).send(await kinds.createRule(ctxOf(req), req.params.schoolId, req.body)),
  );
  app.patch(
    '/api/schools/:schoolId/cycle/rules/:ruleId',
    { ...auth, schema: { tags, params: RuleParams, body: CycleRuleUpdate, response: config } },
    (req) => kinds.updateRule(ctxOf(req), req.params.schoolId, req.params.ruleId, req.body),
  );
  app.delete(
    '/api/schools/:schoolId/cycle/rules/:ruleId',
    { ...auth, schema: { tags, params: RuleParams, response: config } },
    (req) => kinds.deleteRule(ctxOf(req), req.params.schoolId, req.params.ruleId),
  );

  app.post(
    '/api/schools/:schoolId/cycle/forms',
    { ...auth, schema: { tags, params: School, body: ConversationFormInput, response: created } },
    async (req, reply) => reply.code(201).send(await kinds.createForm(ctxOf(req), req.params.schoolId, req.body)),
  );
  app.patch(
    '/api/schools/:schoolId/cycle/forms/:formId',
    { ...auth, schema: { tags, params: FormParams, body: ConversationFormUpdate, response: config } },
    (req) => kinds.updateForm(ctxOf(req), req.params.schoolId, req.params.formId, req.body),
  );
  app.delete(
    '/api/schools/:schoolId/cycle/forms/:formId',
    { ...auth, schema: { tags, params: FormParams, response: config } },
    (req) => kinds.deleteForm(ctxOf(req), req.params.schoolId, req.params.formId),
  );
};
