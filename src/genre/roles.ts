import type { Genre } from '../grammar/schema.js';
import type { OutlineNode } from '../model/programme.js';
import type { Unit } from '../assemble/outline.js';

/**
 * A genre's role rule with every condition present, null where the grammar leaves it out: the
 * grammar's rules, read from JSON, come in as many shapes as they have conditions, and code
 * that met a new one mid-document left its optimized form.
 */
interface RoleRule {
  role: string;
  styles: readonly string[] | null;
  lineKinds: readonly string[] | null;
  under: string | null;
  tasks: boolean;
}

const rulesOf = new WeakMap<Genre, RoleRule[]>();

function roleRules(genre: Genre): RoleRule[] {
  let rules = rulesOf.get(genre);
  if (!rules) {
    rules = genre.roles.map((r) => ({ role: r.role, styles: r.styles ?? null, lineKinds: r.lineKinds ?? null, under: r.under || null, tasks: r.tasks ?? false }));
    rulesOf.set(genre, rules);
  }
  return rules;
}

/** Whether `list` holds `value`: a loop, as `includes` inlined at every call made the role code slow to compile. */
function has(list: readonly (string | null)[], value: string | null): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

function matches(rule: RoleRule, unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): boolean {
  if (rule.styles !== null && (unit.labelStyle === null || !has(rule.styles, unit.labelStyle))) return false;
  if (rule.lineKinds !== null && !has(rule.lineKinds, unit.lineKind)) return false;
  if (rule.under !== null && !has(ancestors, rule.under)) return false;
  if (rule.tasks && !isTask(unit)) return false;
  return unit.kind !== 'cell' && unit.kind !== 'row';
}

/** The role of the first rule the unit meets, or null: `rules.find` without a closure per unit. */
function roleFor(rules: readonly RoleRule[], unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): string | null {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (matches(rule, unit, ancestors, isTask)) return rule.role;
  }
  return null;
}

/** The model's outline: each unit with the role its genre gives it ("section", "conference", "task", "day"). */
export function outlineOf(
  units: readonly Unit[],
  genre: Genre | null,
  isTask: (u: Unit) => boolean,
  appendixRole: string,
  ancestors: (string | null)[] = [],
): OutlineNode[] {
  const rules = genre ? roleRules(genre) : NO_RULES;
  const roots: OutlineNode[] = [];
  // Depth first with a stack of its own, not by recursion: a recursive function was compiled
  // with copies of itself inlined, the largest compilation of the first parse. Each level is a
  // list of units, the next to read, and the nodes they become; `ancestors` is the path of roles.
  const levels: (readonly Unit[])[] = [units];
  const next: number[] = [0];
  const into: OutlineNode[][] = [roots];
  while (levels.length > 0) {
    const top = levels.length - 1;
    const list = levels[top]!;
    const i = next[top]!;
    if (i === list.length) {
      levels.pop();
      next.pop();
      into.pop();
      if (levels.length > 0) ancestors.pop();
      continue;
    }
    next[top] = i + 1;
    const unit = list[i]!;
    // Both read for every unit: a branch first taken mid-document left optimized code.
    const appendix = unit.lineKind === 'appendix';
    const role = roleFor(rules, unit, ancestors, isTask) ?? (appendix ? appendixRole : null);
    const node = nodeOf(unit, role);
    into[top]!.push(node);
    if (unit.children.length > 0) {
      // One path of roles, pushed and popped on the way down, rather than a copy per node.
      ancestors.push(role);
      levels.push(unit.children);
      next.push(0);
      into.push(node.children);
    }
  }
  return roots;
}

const NO_RULES: RoleRule[] = [];

/** Spelt out: one shape for every node (and the same key order in the JSON); its children are added after. */
function nodeOf(unit: Unit, role: string | null): OutlineNode {
  return { kind: unit.kind, label: unit.label, labelStyle: unit.labelStyle, value: unit.value, heading: unit.heading, text: unit.text, span: unit.span, role, children: [] };
}
