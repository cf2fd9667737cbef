import { describe, expect, it } from 'vitest';
import { PROGRESS_CRITERIA, ProgressScoreInput, progressScoresProblem } from '@groeipad/contracts';
import {
  averageOf,
  currentWeek,
  layoutWeeks,
  phaseOf,
  schoolYearOf,
  startDayProblem,
  weekOfDay,
  weekStatus,
} from './programme.rules.ts';

describe('the week layout', () => {
  it('lays out eight weeks of Monday to Sunday from the start, with the template topics in order', () => {
    const weeks = layoutWeeks('2030-03-04');
    expect(weeks).toHaveLength(8);
    expect(weeks.map((w) => w.topic)).toEqual([
      'start',
      'goals',
      'visits',
      'preparation',
      'actions',
      'barometer',
      'effect',
      'linking',
    ]);
    expect(weeks[0]).toMatchObject({ week: 1, startsOn: '2030-03-04', endsOn: '2030-03-10' });
    // Across the change to summer time (31 March 2030) the weeks stay whole days.
    expect(weeks[4]).toMatchObject({ week: 5, startsOn: '2030-04-01', endsOn: '2030-04-07' });
    expect(weeks[7]).toMatchObject({ week: 8, startsOn: '2030-04-22', endsOn: '2030-04-28' });
    expect(weeks[0]!.todo.visits).toBe(0);
    expect(weeks[2]!.todo.visits).toBeGreaterThan(0);
  });

  it('tells the current week: 0 before, 1–8 during, 9 after', () => {
    expect(currentWeek('2030-03-04', '2030-03-03')).toBe(0);
    expect(currentWeek('2030-03-04', '2030-03-04')).toBe(1);
    expect(currentWeek('2030-03-04', '2030-03-10')).toBe(1);
    expect(currentWeek('2030-03-04', '2030-03-11')).toBe(2);
    expect(currentWeek('2030-03-04', '2030-04-28')).toBe(8);
    expect(currentWeek('2030-03-04', '2030-04-29')).toBe(9);
    expect(weekOfDay('2030-03-04', '2030-04-29')).toBeNull();
    expect(weekOfDay('2030-03-04', '2030-03-03')).toBeNull();
    expect(weekOfDay('2030-03-04', '2030-03-20')).toBe(3);
  });

  it('accepts a Monday from eight weeks back to a year ahead', () => {
    expect(startDayProblem('2030-03-05', '2030-03-13')).toContain('maandag');
    expect(startDayProblem('2030-03-04', '2030-03-13')).toBeNull();
    expect(startDayProblem('2030-01-14', '2030-03-13')).toBeNull();
    expect(startDayProblem('2030-01-07', '2030-03-13')).toContain('acht weken');
    expect(startDayProblem('2031-03-17', '2030-03-13')).toContain('jaar');
  });
});

describe('the week status', () => {
  const week = { startsOn: '2030-03-11', endsOn: '2030-03-17' };
  it('is upcoming before, current during, done when the session was held, missed after without it', () => {
    expect(weekStatus(week, null, '2030-03-10')).toBe('upcoming');
    expect(weekStatus(week, null, '2030-03-11')).toBe('current');
    expect(weekStatus(week, null, '2030-03-17')).toBe('current');
    expect(weekStatus(week, '2030-03-12', '2030-03-13')).toBe('done');
    expect(weekStatus(week, '2030-03-12', '2030-05-01')).toBe('done');
    expect(weekStatus(week, null, '2030-03-18')).toBe('missed');
  });

  it('puts the progress meter in the deepening phase after the eighth week', () => {
    expect(phaseOf(null, '2030-03-13')).toBe('start');
    expect(phaseOf({ startsOn: '2030-03-04' }, '2030-04-28')).toBe('start');
    expect(phaseOf({ startsOn: '2030-03-04' }, '2030-04-29')).toBe('deepening');
  });

  it('knows the school year of a day', () => {
    expect(schoolYearOf('2030-03-13')).toEqual({ from: '2029-08-01', to: '2030-07-31' });
    expect(schoolYearOf('2030-08-01')).toEqual({ from: '2030-08-01', to: '2031-07-31' });
    expect(schoolYearOf('2030-07-31')).toEqual({ from: '2029-08-01', to: '2030-07-31' });
  });
});

describe('the scoring', () => {
  const full = (intervention: 'session' | 'visits' | 'preparation', phase: 'start' | 'deepening', score = 3) =>
    Object.fromEntries(PROGRESS_CRITERIA[intervention][phase].map((c) => [c, score]));

  it('has four to six criteria for every intervention and phase, unique keys', () => {
    for (const phases of Object.values(PROGRESS_CRITERIA)) {
      for (const criteria of Object.values(phases)) {
        expect(criteria.length).toBeGreaterThanOrEqual(4);
        expect(criteria.length).toBeLessThanOrEqual(6);
        expect(new Set(criteria).size).toBe(criteria.length);
      }
    }
  });

  it('asks a score of 1 to 5 for exactly the criteria of the intervention and phase', () => {
    expect(progressScoresProblem('session', 'start', full('session', 'start'))).toBeNull();
    expect(progressScoresProblem('session', 'start', full('session', 'deepening'))).not.toBeNull();
    expect(progressScoresProblem('visits', 'start', { ...full('visits', 'start'), safe: 6 })).not.toBeNull();
    expect(progressScoresProblem('visits', 'start', { ...full('visits', 'start'), safe: 2.5 })).not.toBeNull();
    const { safe: _safe, ...missing } = full('visits', 'start');
    expect(progressScoresProblem('visits', 'start', missing)).toContain('elk punt');
    const input = { intervention: 'preparation', phase: 'deepening', scoredOn: '2030-03-13', note: '' };
    expect(ProgressScoreInput.safeParse({ ...input, scores: full('preparation', 'deepening', 5) }).success).toBe(true);
    expect(ProgressScoreInput.safeParse({ ...input, scores: full('preparation', 'deepening', 0) }).success).toBe(false);
    expect(ProgressScoreInput.safeParse({ ...input, scores: full('preparation', 'start') }).success).toBe(false);
  });

  it('averages to one decimal', () => {
    expect(averageOf({ a: 4, b: 3, c: 2, d: 5 })).toBe(3.5);
    expect(averageOf({ a: 4, b: 4, c: 5 })).toBe(4.3);
  });
});
