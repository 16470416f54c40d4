import type { Genre } from '../grammar/schema.js';
import type { OutlineNode } from '../model/programme.js';
import type { Unit } from '../assemble/outline.js';

type RoleRule = Genre['roles'][number];

/** Whether `list` holds `value`: a loop, as `includes` inlined at every call made the role code slow to compile. */
function has(list: readonly (string | null)[], value: string | null): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

function matches(rule: RoleRule, unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): boolean {
  if (rule.styles && (unit.labelStyle === null || !has(rule.styles, unit.labelStyle))) return false;
  if (rule.lineKinds && !has(rule.lineKinds, unit.lineKind)) return false;
  if (rule.under && !has(ancestors, rule.under)) return false;
  if (rule.tasks && !isTask(unit)) return false;
  return unit.kind !== 'cell' && unit.kind !== 'row';
}

/** The genre's first role rule the unit meets: `roles.find` without a closure per unit. */
function ruleFor(genre: Genre, unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): RoleRule | undefined {
  const roles = genre.roles;
  for (let i = 0; i < roles.length; i++) if (matches(roles[i]!, unit, ancestors, isTask)) return roles[i];
  return undefined;
}

/** The model's outline: each unit with the role its genre gives it ("section", "conference", "task", "day"). */
export function outlineOf(
  units: readonly Unit[],
  genre: Genre | null,
  isTask: (u: Unit) => boolean,
  appendixRole: string,
  ancestors: (string | null)[] = [],
): OutlineNode[] {
  // A loop, and no call for a unit without children: most units are leaves.
  const nodes: OutlineNode[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const rule = genre ? ruleFor(genre, unit, ancestors, isTask) : undefined;
    const role = rule?.role ?? (unit.lineKind === 'appendix' ? appendixRole : null);
    let children: OutlineNode[] = [];
    if (unit.children.length > 0) {
      // One path of roles, pushed and popped on the way down, rather than a copy per node.
      ancestors.push(role);
      children = outlineOf(unit.children, genre, isTask, appendixRole, ancestors);
      ancestors.pop();
    }
    // Spelt out: one shape for every node (and the same key order in the JSON).
    nodes.push({ kind: unit.kind, label: unit.label, labelStyle: unit.labelStyle, value: unit.value, heading: unit.heading, text: unit.text, span: unit.span, role, children });
  }
  return nodes;
}
