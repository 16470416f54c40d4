/** Two drafts of a shape and the changes expected between them, counted by type (see diff-drafts.mjs). */
export function drafts(shape: 'items' | 'conferences', n: number): { old: string; neu: string; expected: Record<string, number> };
