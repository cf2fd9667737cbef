/** The anonymity guard: every aggregate of anonymous answers is computed here and nowhere else. */
export {
  aggregateAnonymous,
  effectiveMinimums,
  ABSOLUTE_MIN_GROUP_SIZE,
  ALL,
  OTHERS,
  type AggregateInput,
  type AggregateResult,
  type AnonymousResponse,
  type GroupStatus,
  type ItemResult,
  type OpenResult,
  type ScoreCell,
  type WithheldCell,
} from './guard.ts';
