import { z } from 'zod';
import { Programme } from '../model/programme.js';

/** The JSON Schema other systems validate against, generated from the zod model. */
export function programmeJsonSchema(): Record<string, unknown> {
  const schema = { title: 'vanban programme model, version 1', ...z.toJSONSchema(Programme, { target: 'draft-2020-12' }) };
  return nameDefinitions(schema, { OutlineNode: ['kind', 'children', 'span'] });
}

/**
 * zod names the definitions it has to hoist (the recursive outline node) "__schema0", "__schema1"…;
 * this gives each the name of the model type whose properties it has.
 */
function nameDefinitions(schema: Record<string, unknown>, names: Record<string, string[]>): Record<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
  let text = JSON.stringify(schema);
  for (const [generated, def] of Object.entries(defs)) {
    if (!generated.startsWith('__schema')) continue;
    const name = Object.entries(names).find(([, keys]) => keys.every((k) => def.properties && k in def.properties))?.[0];
    if (!name || name in defs) continue;
    text = text.replaceAll(`"#/$defs/${generated}"`, `"#/$defs/${name}"`).replace(`"${generated}":`, `"${name}":`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}
