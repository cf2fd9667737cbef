import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@groeipad/contracts';

// The audit tables show a label for every action. This test keeps the API, the list of actions in the
// contracts (AUDIT_ACTIONS) and both locales in step, without typing the audit writer's parameter: that would
// stop the build of a module whose new action is not listed yet, where a failing test says what to add.
//
// An action is found as a string literal in the API's source (tests left out) that looks like one
// ('area.what' or 'area.thing.what') and either
// - starts with an area already in AUDIT_ACTIONS ('cycle.', 'barometer.', …), wherever it stands, so actions
//   passed through helpers (cycle's [action, details] tuples, development's managerWrote) are found too; or
// - stands in the value of an `action:` property or in the arguments of a function whose name starts with
//   `audit` (auditRead, auditChange), which finds an action of a new area.

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const API_SRC = path.join(ROOT, 'apps/api/src');
const SHAPE = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const AREAS = new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!));

type Found = { action: string; where: string };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function isAuditPosition(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    if (ts.isPropertyAssignment(at) && ts.isIdentifier(at.name) && at.name.text === 'action') return true;
    if (ts.isCallExpression(at)) {
      const callee = at.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (/^audit/i.test(name) && at.arguments.some((a) => a.pos <= node.pos && node.end <= a.end)) return true;
    }
    // Stop at the statement: an `action:` further out is about something else.
    if (ts.isStatement(at) || ts.isFunctionLike(at)) return false;
  }
  return false;
}

/** The audit actions written in one file's source. */
export function actionsIn(fileName: string, text: string): Found[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const value = node.text;
      if (SHAPE.test(value) && (AREAS.has(value.split('.')[0]!) || isAuditPosition(node))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ action: value, where: `${path.relative(ROOT, fileName)}:${line + 1}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function labels(lang: 'nl' | 'en'): Record<string, unknown> {
  const file = path.join(ROOT, `apps/web/src/locales/${lang}/audit.json`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { actions: Record<string, unknown> }).actions;
}

describe('audit actions', () => {
  const written = sourceFiles(API_SRC).flatMap((f) => actionsIn(f, fs.readFileSync(f, 'utf8')));

  it('finds the actions the API writes, also through helpers', () => {
    const actions = new Set(written.map((w) => w.action));
    for (const a of ['auth.login', 'conversation.read', 'cycle.kind_created', 'development.action_added'])
      expect(actions, a).toContain(a);
  });

  it('lists every action the API writes in AUDIT_ACTIONS', () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const missing = written.filter((w) => !listed.has(w.action)).map((w) => `${w.action} (${w.where})`);
    expect(missing, 'add these to AUDIT_ACTIONS in packages/contracts/src/audit.ts, with labels').toEqual([]);
  });

  it('has each action once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it.each(['nl', 'en'] as const)('gives every action a label in %s, and no label to anything else', (lang) => {
    const actions = labels(lang);
    const unlabelled = AUDIT_ACTIONS.filter((a) => {
      const label = actions[a];
      return typeof label !== 'string' || !label.trim();
    });
    expect(unlabelled, `add these to apps/web/src/locales/${lang}/audit.json`).toEqual([]);
    const listed = new Set<string>(AUDIT_ACTIONS);
    expect(Object.keys(actions).filter((k) => !listed.has(k))).toEqual([]);
  });

  it('recognises an action of a new area only where an audit entry is written', () => {
    const code = [
      "await audit(db, { action: 'rooster.les_verplaatst' });",
      "await auditRead(ctx, loaded, 'rooster.les_ingezien');",
      "await audit(db, { action: ok ? 'rooster.a' : 'rooster.b' });",
      "const row = { action: 'nieuw.ding' };",
      "const site = 'demo.groeipad.nl';",
      "const mail = sendMail({ subject: 'rooster.x' });",
      "const known = 'cycle.kind_created';",
    ].join('\n');
    expect(actionsIn('voorbeeld.ts', code).map((f) => f.action)).toEqual([
      'rooster.les_verplaatst',
      'rooster.les_ingezien',
      'rooster.a',
      'rooster.b',
      'nieuw.ding',
      'cycle.kind_created',
    ]);
  });
});
