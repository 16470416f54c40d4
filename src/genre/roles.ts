import type { Genre } from '../grammar/schema.js';
import type { OutlineNode } from '../model/programme.js';
import type { Unit } from '../assemble/outline.js';

type RoleRule = Genre['roles'][number];

function matches(rule: RoleRule, unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): boolean {
  if (rule.styles && (unit.node.labelStyle === null || !rule.styles.includes(unit.node.labelStyle))) return false;
  if (rule.lineKinds && !rule.lineKinds.includes(unit.lineKind)) return false;
  if (rule.under && !ancestors.includes(rule.under)) return false;
  if (rule.tasks && !isTask(unit)) return false;
  return unit.node.kind !== 'cell' && unit.node.kind !== 'row';
}

/** The genre's first role rule the unit meets: `roles.find` without a closure per unit. */
function ruleFor(genre: Genre, unit: Unit, ancestors: readonly (string | null)[], isTask: (u: Unit) => boolean): RoleRule | undefined {
  for (const rule of genre.roles) if (matches(rule, unit, ancestors, isTask)) return rule;
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
  for (const unit of units) {
    const rule = genre ? ruleFor(genre, unit, ancestors, isTask) : undefined;
    const role = rule?.role ?? (unit.lineKind === 'appendix' ? appendixRole : null);
    let children: OutlineNode[] = [];
    if (unit.children.length > 0) {
      // One path of roles, pushed and popped on the way down, rather than a copy per node.
      ancestors.push(role);
      children = outlineOf(unit.children, genre, isTask, appendixRole, ancestors);
      ancestors.pop();
    }
    const { kind, label, labelStyle, value, heading, text, span } = unit.node;
    // Spelt out rather than spread: one shape for every node (and the same key order in the JSON).
    nodes.push({ kind, label, labelStyle, value, heading, text, span, role, children });
  }
  return nodes;
}
