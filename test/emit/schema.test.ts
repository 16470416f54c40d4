import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { programmeJsonSchema } from '../../src/emit/schema.js';
import { parse } from '../../src/parse.js';
import { seedBytes } from '../helpers.js';
import { PLAN_WITH_TASKS, RESOLUTION, SCHEDULE, corpusText } from './plan.js';

type Json = Record<string, any>;

describe('vanban schema follows the model of every genre', () => {
  const schema = programmeJsonSchema() as Json;

  it('requires the fields every genre has', () => {
    expect(schema.required).toEqual(expect.arrayContaining(['genre', 'outline', 'tasks', 'schedule', 'residue', 'homes', 'diagnostics']));
    expect(schema.properties.tasks.items.required).toEqual(['text', 'lead', 'partners', 'deadline', 'span']);
    expect(schema.properties.schedule.items.required).toEqual(expect.arrayContaining(['date', 'time', 'text', 'chair', 'place', 'preparer', 'span']));
    expect(schema.properties.residue.items.required).toEqual(['text', 'span']);
    expect(schema.properties.diagnostics.items.required).toEqual(expect.arrayContaining(['messageEn', 'column']));
  });

  it('a diagnostic may carry its extent and a fix, both optional', () => {
    const diagnostic = schema.properties.diagnostics.items as Json;
    expect(diagnostic.required).not.toEqual(expect.arrayContaining(['fix']));
    expect(diagnostic.required).not.toEqual(expect.arrayContaining(['endLine']));
    expect(diagnostic.properties.fix.required).toEqual(['span', 'text']);
    expect(diagnostic.properties.endColumn.type).toBe('integer');
    // The seed's "11- CT/TW" finding has one; a fix without its text does not validate.
    const model = JSON.parse(JSON.stringify(parse(seedBytes()))) as Json;
    const fixed = (model.diagnostics as Json[]).find((d) => d.fix)!;
    expect(fixed.fix.text).toBe('11-CT/TW');
    const validate = (value: unknown) => z.fromJSONSchema(schema as never).safeParse(value).success;
    expect(validate(model)).toBe(true);
    delete fixed.fix.text;
    expect(validate(model)).toBe(false);
  });

  it('outline nodes are recursive: a node\'s children are nodes, by a named definition', () => {
    const ref = schema.properties.outline.items.$ref as string;
    expect(ref).toBe('#/$defs/OutlineNode');
    const node = schema.$defs.OutlineNode as Json;
    expect(node.required).toEqual(['kind', 'label', 'labelStyle', 'value', 'heading', 'text', 'role', 'children', 'span']);
    expect(node.properties.children).toEqual({ type: 'array', items: { $ref: ref } });
    expect(JSON.stringify(schema)).not.toContain('__schema');
  });

  it('the JSON of real documents validates against it, and a broken outline does not', () => {
    const validate = (value: unknown) => z.fromJSONSchema(schema as never).safeParse(value).success;
    const models = [parse(seedBytes()), parse(PLAN_WITH_TASKS), parse(corpusText(SCHEDULE)), parse(corpusText(RESOLUTION))];
    for (const model of models) expect(validate(JSON.parse(JSON.stringify(model)))).toBe(true);
    const broken = JSON.parse(JSON.stringify(models[3])) as Json;
    const deep = (broken.outline as Json[]).find((n) => n.children.length)!;
    deep.children[0].children = [{ kind: 'chapter' }];
    expect(validate(broken)).toBe(false);
  });
});
