import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  SharedVisitList,
  TeamForm,
  TeamFormExampleList,
  TeamFormInput,
  TeamFormList,
  TeamFormListQuery,
  TeamFormParams,
  TeamFormUpdate,
  TeamParams,
  TeamVersionBody,
  VisitAnswersInput,
  VisitCancel,
  VisitDetail,
  VisitFeedbackInput,
  VisitInput,
  VisitList,
  VisitParams,
  VisitShareInput,
  VisitUpdate,
  VisitVersionBody,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import * as forms from './forms.service.ts';
import * as visits from './visits.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['visits'];

export const visitsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  // The team's forms (kijkwijzers and preparation forms)
  app.get(
    '/api/teams/:teamId/forms',
    {
      ...auth,
      schema: { tags, params: TeamParams, querystring: TeamFormListQuery, response: { 200: TeamFormList, ...errors } },
    },
    (req) => forms.listForms(ctxOf(req), req.params.teamId, req.query),
  );
  app.get(
    '/api/teams/:teamId/forms/examples',
    { ...auth, schema: { tags, params: TeamParams, response: { 200: TeamFormExampleList, ...errors } } },
    (req) => forms.listExamples(ctxOf(req), req.params.teamId),
  );
  app.post(
    '/api/teams/:teamId/forms',
    { ...auth, schema: { tags, params: TeamParams, body: TeamFormInput, response: { 201: TeamForm, ...errors } } },
    async (req, reply) => reply.code(201).send(await forms.createForm(ctxOf(req), req.params.teamId, req.body)),
  );
  app.get(
    '/api/teams/:teamId/forms/:formId',
    { ...auth, schema: { tags, params: TeamFormParams, response: { 200: TeamForm, ...errors } } },
    (req) => forms.getForm(ctxOf(req), req.params.teamId, req.params.formId),
  );
  app.put(
    '/api/teams/:teamId/forms/:formId',
    { ...auth, schema: { tags, params: TeamFormParams, body: TeamFormUpdate, response: { 200: TeamForm, ...errors } } },
    (req) => forms.updateForm(ctxOf(req), req.params.teamId, req.params.formId, req.body),
  );
  app.post(
    '/api/teams/:teamId/forms/:formId/archive',
    {
      ...auth,
      schema: { tags, params: TeamFormParams, body: TeamVersionBody, response: { 200: TeamForm, ...errors } },
    },
    (req) => forms.archiveForm(ctxOf(req), req.params.teamId, req.params.formId, req.body),
  );

  // What the people I am leidinggevende of shared with me
  app.get(
    '/api/visits/shared-with-me',
    { ...auth, schema: { tags, response: { 200: SharedVisitList, ...errors } } },
    (req) => visits.listSharedWithMe(ctxOf(req)),
  );

  // Visits
  app.get(
    '/api/teams/:teamId/visits',
    { ...auth, schema: { tags, params: TeamParams, response: { 200: VisitList, ...errors } } },
    (req) => visits.listVisits(ctxOf(req), req.params.teamId),
  );
  app.post(
    '/api/teams/:teamId/visits',
    { ...auth, schema: { tags, params: TeamParams, body: VisitInput, response: { 201: VisitDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(await visits.planVisit(ctxOf(req), req.params.teamId, req.body)),
  );
  app.get(
    '/api/teams/:teamId/visits/:visitId',
    { ...auth, schema: { tags, params: VisitParams, response: { 200: VisitDetail, ...errors } } },
    (req) => visits.getVisit(ctxOf(req), req.params.teamId, req.params.visitId),
  );
  app.patch(
    '/api/teams/:teamId/visits/:visitId',
    { ...auth, schema: { tags, params: VisitParams, body: VisitUpdate, response: { 200: VisitDetail, ...errors } } },
    (req) => visits.updateVisit(ctxOf(req), req.params.teamId, req.params.visitId, req.body),
  );
  app.post(
    '/api/teams/:teamId/visits/:visitId/cancel',
    { ...auth, schema: { tags, params: VisitParams, body: VisitCancel, response: { 200: VisitDetail, ...errors } } },
    (req) => visits.cancelVisit(ctxOf(req), req.params.teamId, req.params.visitId, req.body),
  );
  app.put(
    '/api/teams/:teamId/visits/:visitId/answers',
    {
      ...auth,
      schema: { tags, params: VisitParams, body: VisitAnswersInput, response: { 200: VisitDetail, ...errors } },
    },
    (req) => visits.saveAnswers(ctxOf(req), req.params.teamId, req.params.visitId, req.body),
  );
  app.post(
    '/api/teams/:teamId/visits/:visitId/done',
    {
      ...auth,
      schema: { tags, params: VisitParams, body: VisitVersionBody, response: { 200: VisitDetail, ...errors } },
    },
    (req) => visits.markDone(ctxOf(req), req.params.teamId, req.params.visitId, req.body.version),
  );
  app.put(
    '/api/teams/:teamId/visits/:visitId/feedback',
    {
      ...auth,
      schema: { tags, params: VisitParams, body: VisitFeedbackInput, response: { 200: VisitDetail, ...errors } },
    },
    (req) => visits.saveFeedback(ctxOf(req), req.params.teamId, req.params.visitId, req.body),
  );
  app.put(
    '/api/teams/:teamId/visits/:visitId/share',
    {
      ...auth,
      schema: { tags, params: VisitParams, body: VisitShareInput, response: { 200: VisitDetail, ...errors } },
    },
    (req) => visits.shareVisit(ctxOf(req), req.params.teamId, req.params.visitId, req.body),
  );
  app.post(
    '/api/teams/:teamId/visits/:visitId/evidence',
    {
      ...auth,
      schema: { tags, params: VisitParams, body: VisitVersionBody, response: { 200: VisitDetail, ...errors } },
    },
    (req) => visits.addToPortfolio(ctxOf(req), req.params.teamId, req.params.visitId, req.body.version),
  );
};
