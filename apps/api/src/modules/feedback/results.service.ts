import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  NAMED_RATER_GROUPS,
  type FeedbackResultItem,
  type FeedbackResults,
  type FeedbackRoundSummary,
} from '@groeipad/contracts';
import type { Ctx } from '../../platform/actor.ts';
import { aggregateAnonymous } from '../../platform/anonymity/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { displayName } from '../organisation/index.ts';
import { groupName } from './feedback.mails.ts';
import * as repo from './feedback.repository.ts';
import { asInstrument } from './feedback.rules.ts';
import { findFeedbackSummary, loadRound } from './rounds.service.ts';

const cryptoRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

/**
 * The results of a closed round. Every anonymous number and text comes from the anonymity guard; only the
 * subject's own rating and the leidinggevende's rating are shown as theirs, never mixed into 'all'.
 */
export function buildResults(
  round: repo.RoundRow,
  responses: repo.ResponseRow[],
  subjectName: string,
  random: () => number = cryptoRandom,
): FeedbackResults {
  const instrument = asInstrument(round.instrument);
  const items = instrument.sections.flatMap((s) => s.items);
  const anonymousGroups = instrument.raterGroups.filter((g) => !NAMED_RATER_GROUPS.includes(g));
  const anonymous = responses.filter((r) => !NAMED_RATER_GROUPS.includes(r.raterGroup as never));
  const guarded = aggregateAnonymous({
    minGroupSize: round.minGroupSize,
    minTextGroupSize: round.minTextGroupSize,
    scaleMax: instrument.scale.labels.length,
    items: items.map((i) => ({ id: i.id, type: i.type })),
    groups: anonymousGroups,
    responses: anonymous.map((r) => ({ group: r.raterGroup, scores: r.scores, open: r.openAnswers })),
    random,
  });
  // Named sources: one invitation each, so at most one response each.
  const self = responses.find((r) => r.raterGroup === 'self');
  const manager = responses.find((r) => r.raterGroup === 'leidinggevende');
  const named = (r: repo.ResponseRow | undefined, id: string) => r?.scores[id] ?? null;
  const namedText = (r: repo.ResponseRow | undefined, id: string) => r?.openAnswers[id] ?? null;
  const scaleById = new Map(guarded.items.map((i) => [i.id, i]));
  const openById = new Map(guarded.open.map((i) => [i.id, i]));
  return {
    roundId: round.id,
    title: round.title,
    subjectName,
    closedAt: round.closedAt?.toISOString() ?? null,
    minGroupSize: guarded.minGroupSize,
    minTextGroupSize: guarded.minTextGroupSize,
    scale: instrument.scale,
    groups: guarded.groups,
    others: guarded.others,
    named: { self: self !== undefined, leidinggevende: manager !== undefined },
    sections: instrument.sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items.map((item): FeedbackResultItem => {
        const scale = scaleById.get(item.id);
        const open = openById.get(item.id);
        return {
          id: item.id,
          type: item.type,
          text: item.text,
          cells: scale?.cells ?? [],
          withheld: (item.type === 'scale' ? scale?.withheld : open?.withheld) ?? [],
          self: item.type === 'scale' ? named(self, item.id) : null,
          leidinggevende: item.type === 'scale' ? named(manager, item.id) : null,
          answers: open?.answers ?? [],
          selfText: item.type === 'open' ? namedText(self, item.id) : null,
          leidinggevendeText: item.type === 'open' ? namedText(manager, item.id) : null,
        };
      }),
    })),
  };
}

async function loadResults(ctx: Ctx, id: string): Promise<FeedbackResults> {
  const { round, relation } = await loadRound(ctx, id);
  if (round.status !== 'closed') {
    throw new AppError('conflict', 'Resultaten verschijnen als je de ronde sluit.', { reason: 'open' });
  }
  const [responses, [subject]] = await Promise.all([
    repo.findResponses(ctx.db, ctx.actor.boardId, round.id),
    repo.findPeople(ctx.db, ctx.actor.boardId, [round.subjectId]),
  ]);
  if (relation === 'manager') {
    await audit(ctx.db, {
      boardId: ctx.actor.boardId,
      actorId: ctx.actor.personId,
      action: 'feedback.read',
      subjectPersonId: round.subjectId,
      targetType: 'feedback_round',
      targetId: round.id,
    });
  }
  return buildResults(round, responses, subject ? displayName(subject) : '');
}

export function getResults(ctx: Ctx, id: string): Promise<FeedbackResults> {
  return loadResults(ctx, id);
}

const GROUP_LABELS: Record<string, string> = { others: 'overige groepen samen', all: 'alle anonieme groepen samen' };
const labelOf = (group: string) => GROUP_LABELS[group] ?? groupName(group);
const STATUS = {
  shown: 'getoond',
  folded: 'samengevoegd met andere groepen',
  withheld: 'niet getoond: te weinig antwoorden',
};
const REASONS = { too_few: 'te weinig antwoorden', would_reveal: 'niet getoond: zou een kleine groep verraden' };

/** The guarded result as rows of a sheet: the same numbers the screen shows, nothing more. */
function resultRows(r: FeedbackResults): (string | number)[][] {
  const labels = r.scale.labels;
  const header = ['Onderdeel', 'Vraag', 'Groep', 'Aantal', 'Weet niet', 'Gemiddelde', ...labels];
  const rows: (string | number)[][] = [header];
  const namedValue = (v: number | 'dk' | null) => (v === null ? '' : v === 'dk' ? (r.scale.dontKnowLabel ?? '') : v);
  for (const section of r.sections) {
    for (const item of section.items) {
      if (item.type === 'scale') {
        for (const c of item.cells) {
          rows.push([
            section.title,
            item.text,
            labelOf(c.group),
            c.n,
            c.dontKnow,
            Math.round(c.mean * 100) / 100,
            ...c.distribution,
          ]);
        }
        for (const w of item.withheld) rows.push([section.title, item.text, labelOf(w.group), REASONS[w.reason]]);
        if (item.self !== null)
          rows.push([section.title, item.text, 'eigen beoordeling', '', '', namedValue(item.self)]);
        if (item.leidinggevende !== null) {
          rows.push([section.title, item.text, 'leidinggevende', '', '', namedValue(item.leidinggevende)]);
        }
      } else {
        for (const a of item.answers)
          for (const t of a.texts) rows.push([section.title, item.text, labelOf(a.group), t]);
        for (const w of item.withheld) rows.push([section.title, item.text, labelOf(w.group), REASONS[w.reason]]);
        if (item.selfText) rows.push([section.title, item.text, 'eigen beoordeling', item.selfText]);
        if (item.leidinggevendeText) rows.push([section.title, item.text, 'leidinggevende', item.leidinggevendeText]);
      }
    }
  }
  rows.push([], ['Groep', 'Status', 'Nog nodig']);
  for (const g of r.groups) rows.push([labelOf(g.group), STATUS[g.status], g.missing]);
  return rows;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function exportResults(
  ctx: Ctx,
  id: string,
  format: 'csv' | 'xlsx',
): Promise<{ body: Buffer; filename: string; type: string }> {
  const results = await loadResults(ctx, id);
  const rows = resultRows(results);
  const base = `feedback-${results.title.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60) || 'ronde'}`;
  if (format === 'csv') {
    // Semicolons and a BOM: what Dutch Excel opens without an import wizard.
    const text = '\uFEFF' + rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
    return { body: Buffer.from(text, 'utf8'), filename: `${base}.csv`, type: 'text/csv; charset=utf-8' };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Resultaten');
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(2).width = 60;
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    body,
    filename: `${base}.xlsx`,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

export type FeedbackExport = {
  rounds: (FeedbackRoundSummary & { results: FeedbackResults | null })[];
};

/** Everything about a person's feedback rounds, for their own data export: counts, and guarded results. */
export async function exportFeedback(db: Db, boardId: string, personId: string): Promise<FeedbackExport> {
  const summaries = await findFeedbackSummary(db, boardId, personId);
  const rounds = await repo.findRoundsOf(db, boardId, personId);
  const [person] = await repo.findPeople(db, boardId, [personId]);
  const out: FeedbackExport['rounds'] = [];
  for (const summary of summaries) {
    const round = rounds.find((r) => r.id === summary.id)!;
    const results =
      round.status === 'closed'
        ? buildResults(round, await repo.findResponses(db, boardId, round.id), person ? displayName(person) : '')
        : null;
    out.push({ ...summary, results });
  }
  return { rounds: out };
}
