import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  TeamAction,
  TeamActionInput,
  TeamActionMove,
  TeamActionParams,
  TeamActionUpdate,
  TeamAttendanceParams,
  TeamBoard,
  TeamBoardItem,
  TeamBoardSettings,
  TeamBoardUpdate,
  TeamGoal,
  TeamGoalInput,
  TeamGoalParams,
  TeamGoalUpdate,
  TeamGoalValueInput,
  TeamGoalValueParams,
  TeamItemInput,
  TeamItemParams,
  TeamItemUpdate,
  TeamBoardList,
  TeamMoodInput,
  TeamParams,
  TeamSession,
  TeamSessionParams,
  TeamSessionUpdate,
  TeamVersionBody,
} from '@groeipad/contracts';
import { ctxOf } from '../../platform/http/context.ts';
import { registerLiveStream } from '../../platform/live/index.ts';
import * as actions from './actions.service.ts';
import * as board from './board.service.ts';
import * as goals from './goals.service.ts';
import * as items from './items.service.ts';
import * as sessions from './sessions.service.ts';
import { loadTeam, topicOf } from './team.access.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['team'];
const noContent = { 204: z.null(), ...errors };

export const teamRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.authenticate };

  app.get('/api/teams/mine', { ...auth, schema: { tags, response: { 200: TeamBoardList, ...errors } } }, (req) =>
    board.listMyTeams(ctxOf(req)),
  );
  app.get(
    '/api/teams/:teamId/board',
    { ...auth, schema: { tags, params: TeamParams, response: { 200: TeamBoard, ...errors } } },
    (req) => board.getBoard(ctxOf(req), req.params.teamId),
  );
  registerLiveStream(app, {
    url: '/api/teams/:teamId/board/events',
    params: TeamParams,
    tags,
    authorize: async (req) => {
      await loadTeam(ctxOf(req), req.params.teamId);
      return topicOf(req.params.teamId);
    },
  });
  app.patch(
    '/api/teams/:teamId/board',
    {
      ...auth,
      schema: { tags, params: TeamParams, body: TeamBoardUpdate, response: { 200: TeamBoardSettings, ...errors } },
    },
    (req) => board.updateBoard(ctxOf(req), req.params.teamId, req.body),
  );

  // Goals and their values
  app.post(
    '/api/teams/:teamId/goals',
    { ...auth, schema: { tags, params: TeamParams, body: TeamGoalInput, response: { 201: TeamGoal, ...errors } } },
    async (req, reply) => reply.code(201).send(await goals.createGoal(ctxOf(req), req.params.teamId, req.body)),
  );
  app.patch(
    '/api/teams/:teamId/goals/:goalId',
    { ...auth, schema: { tags, params: TeamGoalParams, body: TeamGoalUpdate, response: { 200: TeamGoal, ...errors } } },
    (req) => goals.updateGoal(ctxOf(req), req.params.teamId, req.params.goalId, req.body),
  );
  app.delete(
    '/api/teams/:teamId/goals/:goalId',
    { ...auth, schema: { tags, params: TeamGoalParams, response: noContent } },
    async (req, reply) => {
      await goals.deleteGoal(ctxOf(req), req.params.teamId, req.params.goalId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/teams/:teamId/goals/:goalId/values',
    {
      ...auth,
      schema: { tags, params: TeamGoalParams, body: TeamGoalValueInput, response: { 201: TeamGoal, ...errors } },
    },
    async (req, reply) =>
      reply.code(201).send(await goals.addGoalValue(ctxOf(req), req.params.teamId, req.params.goalId, req.body)),
  );
  app.delete(
    '/api/teams/:teamId/goals/:goalId/values/:valueId',
    { ...auth, schema: { tags, params: TeamGoalValueParams, response: { 200: TeamGoal, ...errors } } },
    (req) => goals.deleteGoalValue(ctxOf(req), req.params.teamId, req.params.goalId, req.params.valueId),
  );

  // Improvement actions
  app.post(
    '/api/teams/:teamId/actions',
    { ...auth, schema: { tags, params: TeamParams, body: TeamActionInput, response: { 201: TeamAction, ...errors } } },
    async (req, reply) => reply.code(201).send(await actions.createAction(ctxOf(req), req.params.teamId, req.body)),
  );
  app.patch(
    '/api/teams/:teamId/actions/:actionId',
    {
      ...auth,
      schema: { tags, params: TeamActionParams, body: TeamActionUpdate, response: { 200: TeamAction, ...errors } },
    },
    (req) => actions.updateAction(ctxOf(req), req.params.teamId, req.params.actionId, req.body),
  );
  app.post(
    '/api/teams/:teamId/actions/:actionId/move',
    {
      ...auth,
      schema: { tags, params: TeamActionParams, body: TeamActionMove, response: { 200: TeamAction, ...errors } },
    },
    (req) => actions.moveAction(ctxOf(req), req.params.teamId, req.params.actionId, req.body),
  );
  app.post(
    '/api/teams/:teamId/actions/:actionId/celebrate',
    {
      ...auth,
      schema: { tags, params: TeamActionParams, body: TeamVersionBody, response: { 200: TeamAction, ...errors } },
    },
    (req) => actions.celebrateAction(ctxOf(req), req.params.teamId, req.params.actionId, req.body),
  );
  app.post(
    '/api/teams/:teamId/actions/:actionId/archive',
    { ...auth, schema: { tags, params: TeamActionParams, body: TeamVersionBody, response: noContent } },
    async (req, reply) => {
      await actions.archiveAction(ctxOf(req), req.params.teamId, req.params.actionId, req.body);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    '/api/teams/:teamId/actions/:actionId',
    { ...auth, schema: { tags, params: TeamActionParams, response: noContent } },
    async (req, reply) => {
      await actions.deleteAction(ctxOf(req), req.params.teamId, req.params.actionId);
      return reply.code(204).send(null);
    },
  );

  // Successes, parked discussions, norms and notes
  app.post(
    '/api/teams/:teamId/items',
    { ...auth, schema: { tags, params: TeamParams, body: TeamItemInput, response: { 201: TeamBoardItem, ...errors } } },
    async (req, reply) => reply.code(201).send(await items.createItem(ctxOf(req), req.params.teamId, req.body)),
  );
  app.patch(
    '/api/teams/:teamId/items/:itemId',
    {
      ...auth,
      schema: { tags, params: TeamItemParams, body: TeamItemUpdate, response: { 200: TeamBoardItem, ...errors } },
    },
    (req) => items.updateItem(ctxOf(req), req.params.teamId, req.params.itemId, req.body),
  );
  app.post(
    '/api/teams/:teamId/items/:itemId/archive',
    { ...auth, schema: { tags, params: TeamItemParams, body: TeamVersionBody, response: noContent } },
    async (req, reply) => {
      await items.archiveItem(ctxOf(req), req.params.teamId, req.params.itemId, req.body);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    '/api/teams/:teamId/items/:itemId',
    { ...auth, schema: { tags, params: TeamItemParams, response: noContent } },
    async (req, reply) => {
      await items.deleteItem(ctxOf(req), req.params.teamId, req.params.itemId);
      return reply.code(204).send(null);
    },
  );

  // Board sessions
  app.post(
    '/api/teams/:teamId/sessions',
    { ...auth, schema: { tags, params: TeamParams, response: { 200: TeamSession, 201: TeamSession, ...errors } } },
    async (req, reply) => {
      const { session, created } = await sessions.startSession(ctxOf(req), req.params.teamId);
      return reply.code(created ? 201 : 200).send(session);
    },
  );
  app.patch(
    '/api/teams/:teamId/sessions/:sessionId',
    {
      ...auth,
      schema: { tags, params: TeamSessionParams, body: TeamSessionUpdate, response: { 200: TeamSession, ...errors } },
    },
    (req) => sessions.updateSession(ctxOf(req), req.params.teamId, req.params.sessionId, req.body),
  );
  app.put(
    '/api/teams/:teamId/sessions/:sessionId/attendance/:personId',
    { ...auth, schema: { tags, params: TeamAttendanceParams, response: { 200: TeamSession, ...errors } } },
    (req) => sessions.setAttendance(ctxOf(req), req.params.teamId, req.params.sessionId, req.params.personId, true),
  );
  app.delete(
    '/api/teams/:teamId/sessions/:sessionId/attendance/:personId',
    { ...auth, schema: { tags, params: TeamAttendanceParams, response: { 200: TeamSession, ...errors } } },
    (req) => sessions.setAttendance(ctxOf(req), req.params.teamId, req.params.sessionId, req.params.personId, false),
  );
  app.post(
    '/api/teams/:teamId/sessions/:sessionId/mood',
    {
      ...auth,
      schema: { tags, params: TeamSessionParams, body: TeamMoodInput, response: { 200: TeamSession, ...errors } },
    },
    (req) => sessions.countMood(ctxOf(req), req.params.teamId, req.params.sessionId, req.body),
  );
};
