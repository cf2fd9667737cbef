import type { FeedbackInstrument, FeedbackQuestionnaire, FeedbackSection } from '@groeipad/contracts';

// The questionnaire builder's working copy and the pure changes made to it. Nothing is sent until 'Opslaan'.

export type Draft = FeedbackInstrument;

export function draftOf(q: FeedbackQuestionnaire): Draft {
  return {
    name: q.name,
    description: q.description,
    scale: q.scale,
    sections: q.sections,
    raterGroups: q.raterGroups,
  };
}

/** A new code for a section ('d…') or a question ('v…'); the server refuses duplicates. */
export const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

/** JSON with object keys sorted, so two drafts compare equal however their keys were ordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return canonical(a) === canonical(b);
}

function mapSection(draft: Draft, sectionId: string, change: (s: FeedbackSection) => FeedbackSection): Draft {
  return { ...draft, sections: draft.sections.map((s) => (s.id === sectionId ? change(s) : s)) };
}

/** Moves a question one place up (-1) or down (+1) within its section; at either end nothing changes. */
export function moveItem(draft: Draft, sectionId: string, itemId: string, delta: -1 | 1): Draft {
  return mapSection(draft, sectionId, (s) => {
    const from = s.items.findIndex((i) => i.id === itemId);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= s.items.length) return s;
    const items = [...s.items];
    const [item] = items.splice(from, 1);
    items.splice(to, 0, item!);
    return { ...s, items };
  });
}

export function withoutItem(draft: Draft, sectionId: string, itemId: string): Draft {
  return mapSection(draft, sectionId, (s) => ({ ...s, items: s.items.filter((i) => i.id !== itemId) }));
}

export function withoutSection(draft: Draft, sectionId: string): Draft {
  return { ...draft, sections: draft.sections.filter((s) => s.id !== sectionId) };
}
