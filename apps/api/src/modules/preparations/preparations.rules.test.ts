import { describe, expect, it } from 'vitest';
import type { PreparationFormField } from '@groeipad/contracts';
import { allowedSteps, checkAnswers, checkParticipantList, participantsOf } from './preparations.rules.ts';

const fields: PreparationFormField[] = [
  { id: 'h', kind: 'heading', label: 'Doel van de les' },
  { id: 'goal', kind: 'text', label: 'Wat moeten leerlingen straks kunnen?' },
  { id: 'scale', kind: 'scale', label: 'Hoe goed sluit het aan?' },
  { id: 'check', kind: 'check', label: 'Differentiatie besproken' },
  { id: 'form', kind: 'choice', label: 'Werkvorm', options: ['Instructie', 'Samenwerken'] },
];

describe('participantsOf', () => {
  it('puts the planner first and adds them when missing', () => {
    expect(participantsOf('a', ['b'])).toEqual({ ok: true, ids: ['a', 'b'] });
    expect(participantsOf('a', ['b', 'a', 'c'])).toEqual({ ok: true, ids: ['a', 'b', 'c'] });
  });

  it('needs a colleague: alone is not joint', () => {
    expect(participantsOf('a', [])).toMatchObject({ ok: false });
    expect(participantsOf('a', ['a'])).toMatchObject({ ok: false });
  });

  it('allows at most six people, the planner counted', () => {
    expect(participantsOf('a', ['b', 'c', 'd', 'e', 'f'])).toMatchObject({ ok: true });
    expect(participantsOf('a', ['b', 'c', 'd', 'e', 'f', 'g'])).toEqual({
      ok: false,
      message: 'Met maximaal 6 mensen (jij meegeteld).',
    });
  });

  it('refuses the same colleague twice', () => {
    expect(participantsOf('a', ['b', 'b'])).toEqual({ ok: false, message: 'Je hebt iemand twee keer gekozen.' });
  });
});

describe('checkParticipantList', () => {
  it('keeps a changed list between two and six different people', () => {
    expect(checkParticipantList(['a', 'b'])).toBeNull();
    expect(checkParticipantList(['a'])).toMatch(/minstens twee/);
    expect(checkParticipantList(['a', 'a'])).toMatch(/twee keer/);
    expect(checkParticipantList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toMatch(/maximaal 6/);
  });
});

describe('checkAnswers', () => {
  it('accepts answers that fit their fields, and open ones', () => {
    expect(checkAnswers(fields, { goal: 'Breuken vergelijken', scale: 3, check: true, form: 'Samenwerken' })).toEqual(
      [],
    );
    expect(checkAnswers(fields, { goal: '', scale: null, check: null, form: null })).toEqual([]);
    expect(checkAnswers(fields, {})).toEqual([]);
  });

  it('keeps a scale between 1 and 4 in whole steps', () => {
    for (const bad of [0, 5, 2.5, '3', true])
      expect(checkAnswers(fields, { scale: bad })).toEqual([
        { path: 'answers.scale', message: 'Kies een score van 1 tot en met 4, of laat de vraag open.' },
      ]);
    expect(checkAnswers(fields, { scale: 1 })).toEqual([]);
    expect(checkAnswers(fields, { scale: 4 })).toEqual([]);
  });

  it('wants text for text, a yes/no for a check and one of the options for a choice', () => {
    expect(checkAnswers(fields, { goal: 3 })).toEqual([{ path: 'answers.goal', message: 'Vul hier tekst in.' }]);
    expect(checkAnswers(fields, { check: 'ja' })).toEqual([{ path: 'answers.check', message: 'Vink aan of niet.' }]);
    expect(checkAnswers(fields, { form: 'Hoorcollege' })).toEqual([
      { path: 'answers.form', message: 'Kies een van de mogelijkheden.' },
    ]);
  });

  it('refuses answers to headings and to fields that are not on the form', () => {
    expect(checkAnswers(fields, { h: 'iets' })).toEqual([
      { path: 'answers.h', message: 'Een kopje heeft geen antwoord.' },
    ]);
    expect(checkAnswers(fields, { onbekend: 'x' })).toEqual([
      { path: 'answers.onbekend', message: 'Deze vraag staat niet (meer) op het formulier.' },
    ]);
    expect(checkAnswers([], { goal: 'x' })).toHaveLength(1);
  });
});

describe('allowedSteps', () => {
  it('lets a planned preparation move on, a done one only be filled, a cancelled one nothing', () => {
    expect(allowedSteps('planned')).toEqual({ reschedule: true, fill: true, markDone: true, cancel: true });
    expect(allowedSteps('done')).toEqual({ reschedule: false, fill: true, markDone: false, cancel: false });
    expect(allowedSteps('cancelled')).toEqual({ reschedule: false, fill: false, markDone: false, cancel: false });
  });
});
