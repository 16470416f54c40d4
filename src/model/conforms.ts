import type { z } from 'zod';

/** True when a value passes its schema; a tree of such checks is compiled once per schema. */
type Check = (value: unknown) => boolean;

interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string; pattern?: RegExp } } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  partial?: boolean;
}

/** A construct the compiler does not know: the caller then lets zod itself judge. */
export class Unsupported extends Error {}

const compiledChecks = new WeakMap<z.ZodType, Check>();

/**
 * Whether `value` passes `schema`, without building the copy zod's parse returns: on a 10 MB
 * programme, zod's copy of the model was a sixth of the parse and most of its garbage. It knows
 * the constructs the model uses (objects, arrays, strings with patterns, integers with bounds,
 * enums, literals, nullable, records, lazy) and throws Unsupported on any other. Keys a schema
 * does not name make it false, where zod would strip them: the model has none to strip.
 */
export function conformsTo(schema: z.ZodType): Check {
  let check = compiledChecks.get(schema);
  if (!check) {
    // A recursive schema refers to itself through z.lazy, which is compiled when first checked.
    check = compile(schema);
    compiledChecks.set(schema, check);
  }
  return check;
}

function compile(schema: z.ZodType): Check {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'string':
      return stringCheck(def);
    case 'number':
      return numberCheck(def);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries!));
      return (v) => allowed.has(v as string);
    }
    case 'literal': {
      const allowed = new Set(def.values);
      return (v) => allowed.has(v);
    }
    case 'nullable': {
      const inner = conformsTo(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      const inner = conformsTo(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'lazy': {
      const getter = def.getter!;
      let inner: Check | null = null;
      return (v) => (inner ??= conformsTo(getter()))(v);
    }
    case 'array':
      return arrayCheck(def);
    case 'object':
      return objectCheck(def);
    case 'record':
      return recordCheck(def);
    default:
      throw new Unsupported(`schema type "${def.type}"`);
  }
}

function noChecks(def: Def): void {
  if (def.checks?.length) throw new Unsupported(`checks on ${def.type}`);
}

function stringCheck(def: Def): Check {
  const patterns = (def.checks ?? []).map((c) => {
    const d = c._zod.def;
    if (d.check !== 'string_format' || d.format !== 'regex' || !d.pattern) throw new Unsupported(`string check "${d.check}"`);
    return new RegExp(d.pattern.source, d.pattern.flags.replace(/[gy]/g, ''));
  });
  if (patterns.length === 0) return (v) => typeof v === 'string';
  return (v) => typeof v === 'string' && patterns.every((p) => p.test(v as string));
}

function numberCheck(def: Def): Check {
  if (def.format !== undefined && def.format !== 'safeint') throw new Unsupported(`number format "${def.format}"`);
  const integer = def.format === 'safeint';
  const bounds = (def.checks ?? []).map((c): Check => {
    const { check, value, inclusive } = c._zod.def;
    if (typeof value !== 'number') throw new Unsupported(`number check "${check}"`);
    if (check === 'greater_than') return inclusive ? (v) => (v as number) >= value : (v) => (v as number) > value;
    if (check === 'less_than') return inclusive ? (v) => (v as number) <= value : (v) => (v as number) < value;
    throw new Unsupported(`number check "${check}"`);
  });
  return (v) => typeof v === 'number' && (integer ? Number.isSafeInteger(v) : Number.isFinite(v)) && passesAll(bounds, v);
}

/** `checks.every((c) => c(v))` without a closure per value: this runs for every number in the model. */
function passesAll(checks: readonly Check[], v: unknown): boolean {
  for (const check of checks) if (!check(v)) return false;
  return true;
}

/**
 * The leaves most of the model is made of, judged inline by a tag rather than through a closure:
 * a call through a different closure for every field is what made the walk slow.
 */
const Leaf = { Other: 0, String: 1, NullableString: 2, Boolean: 3 } as const;
type Leaf = (typeof Leaf)[keyof typeof Leaf];

function leafOf(schema: z.ZodType): Leaf {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const plainString = (d: Def) => d.type === 'string' && !d.checks?.length;
  if (plainString(def)) return Leaf.String;
  if (def.type === 'nullable' && plainString((def.innerType as unknown as { _zod: { def: Def } })._zod.def)) return Leaf.NullableString;
  if (def.type === 'boolean') return Leaf.Boolean;
  return Leaf.Other;
}

function passes(leaf: Leaf, check: Check, v: unknown): boolean {
  switch (leaf) {
    case Leaf.String:
      return typeof v === 'string';
    case Leaf.NullableString:
      return v === null || typeof v === 'string';
    case Leaf.Boolean:
      return typeof v === 'boolean';
    default:
      return check(v);
  }
}

function arrayCheck(def: Def): Check {
  noChecks(def);
  const element = conformsTo(def.element!);
  const leaf = leafOf(def.element!);
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!passes(leaf, element, v[i])) return false;
    return true;
  };
}

function objectCheck(def: Def): Check {
  noChecks(def);
  if (def.catchall) throw new Unsupported('object catchall');
  const names = Object.keys(def.shape!);
  const checks = names.map((key) => conformsTo(def.shape![key]!));
  const leaves = names.map((key) => leafOf(def.shape![key]!));
  const index = new Map(names.map((name, i) => [name, i]));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    // Walked by its own keys: V8 reads `o[key]` of a for-in key straight from the object's layout,
    // where `o[names[i]]` is a lookup by name for every field. The model builds its objects with
    // the schema's keys, mostly in its order: a key that is the next name needs no hashing.
    let next = 0;
    let seen = 0;
    for (const key in o) {
      let i = next;
      if (key === names[next]) next++;
      else {
        const at = index.get(key);
        // A key the schema does not name: zod would strip it, the model has none to strip.
        if (at === undefined) return false;
        i = at;
      }
      if (!passes(leaves[i]!, checks[i]!, o[key])) return false;
      seen++;
    }
    if (seen === names.length) return true;
    // A name without an enumerable key (an optional field left out): every name judged by name.
    for (let i = 0; i < names.length; i++) if (!checks[i]!(o[names[i]!])) return false;
    return true;
  };
}

function recordCheck(def: Def): Check {
  noChecks(def);
  // A record over an enum that is not partial needs every key: not a shape the model uses.
  if (!def.partial) throw new Unsupported('exhaustive record');
  const key = conformsTo(def.keyType!);
  const value = conformsTo(def.valueType!);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    for (const [k, x] of Object.entries(v)) if (!key(k) || !value(x)) return false;
    return true;
  };
}
