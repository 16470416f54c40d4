import type { z } from 'zod';

/** True when a value passes its schema; compiled once per schema. */
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

/** A construct the compiler does not know, or a host that runs no generated code: the caller then lets zod itself judge. */
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
    check = new Generator().compile(schema);
    compiledChecks.set(schema, check);
  }
  return check;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The checks as generated JavaScript, one function per object and array schema, the leaves
 * inline. A field read by its name in code of its own is one load from a known layout; a walk
 * over each object's keys through a closure per field took three times as long (≈ 2 million
 * values in a 10 MB programme). Values the code needs (patterns, sets, bounds) are passed in
 * as constants, and names are written as JSON strings: no text of the schema becomes code.
 */
class Generator {
  private readonly constants: unknown[] = [];
  private readonly names = new Map<z.ZodType, string>();
  private readonly functions: string[] = [];

  compile(schema: z.ZodType): Check {
    const root = this.functionOf(schema);
    const params = this.constants.map((_, i) => `K${i}`);
    let make: (...constants: unknown[]) => Check;
    try {
      make = new Function(...params, `'use strict';\n${this.functions.join('\n')}\nreturn ${root};`) as typeof make;
    } catch (error) {
      // A host that forbids generated code (a Content-Security-Policy without 'unsafe-eval').
      throw new Unsupported(`generated code refused: ${String(error)}`);
    }
    return make(...this.constants);
  }

  private constant(value: unknown): string {
    this.constants.push(value);
    return `K${this.constants.length - 1}`;
  }

  /** An expression that is true when the value in variable `v` passes `schema`. */
  private test(schema: z.ZodType, v: string): string {
    const def = defOf(schema);
    switch (def.type) {
      case 'string':
        return this.stringTest(def, v);
      case 'number':
        return this.numberTest(def, v);
      case 'boolean':
        return `typeof ${v} === "boolean"`;
      case 'unknown':
      case 'any':
        return 'true';
      case 'enum':
        return `${this.constant(new Set(Object.values(def.entries!)))}.has(${v})`;
      case 'literal':
        return `${this.constant(new Set(def.values))}.has(${v})`;
      case 'nullable':
        return `(${v} === null || ${this.test(def.innerType!, v)})`;
      case 'optional':
        return `(${v} === undefined || ${this.test(def.innerType!, v)})`;
      case 'lazy':
      case 'array':
      case 'object':
      case 'record':
        return `${this.functionOf(schema)}(${v})`;
      default:
        throw new Unsupported(`schema type "${def.type}"`);
    }
  }

  private stringTest(def: Def, v: string): string {
    const patterns = (def.checks ?? []).map((c) => {
      const d = c._zod.def;
      if (d.check !== 'string_format' || d.format !== 'regex' || !d.pattern) throw new Unsupported(`string check "${d.check}"`);
      // Without g or y, test() keeps no lastIndex between values.
      return `${this.constant(new RegExp(d.pattern.source, d.pattern.flags.replace(/[gy]/g, '')))}.test(${v})`;
    });
    return [`typeof ${v} === "string"`, ...patterns].join(' && ');
  }

  private numberTest(def: Def, v: string): string {
    if (def.format !== undefined && def.format !== 'safeint') throw new Unsupported(`number format "${def.format}"`);
    const parts = [`typeof ${v} === "number"`, def.format === 'safeint' ? `Number.isSafeInteger(${v})` : `Number.isFinite(${v})`];
    for (const c of def.checks ?? []) {
      const { check, value, inclusive } = c._zod.def;
      const op = check === 'greater_than' ? (inclusive ? '>=' : '>') : check === 'less_than' ? (inclusive ? '<=' : '<') : null;
      if (op === null || typeof value !== 'number') throw new Unsupported(`number check "${check}"`);
      parts.push(`${v} ${op} ${this.constant(value)}`);
    }
    return parts.join(' && ');
  }

  /** The name of the function that checks `schema`, written when first asked for: a lazy schema names itself before its body refers to it. */
  private functionOf(schema: z.ZodType): string {
    let name = this.names.get(schema);
    if (name !== undefined) return name;
    name = `F${this.names.size}`;
    this.names.set(schema, name);
    let def = defOf(schema);
    // A recursive schema refers to itself through z.lazy, whose getter makes a new schema each call: called once here.
    if (def.type === 'lazy') def = defOf(def.getter!());
    this.functions.push(`function ${name}(v) {\n${this.body(def)}\n}`);
    return name;
  }

  private body(def: Def): string {
    if (def.checks?.length) throw new Unsupported(`checks on ${def.type}`);
    if (def.type === 'array') return `if (!Array.isArray(v)) return false;\nfor (let i = 0; i < v.length; i++) { const x = v[i]; if (!(${this.test(def.element!, 'x')})) return false; }\nreturn true;`;
    if (def.type === 'object') return this.objectBody(def);
    if (def.type === 'record') return this.recordBody(def);
    throw new Unsupported(`schema type "${def.type}"`);
  }

  private objectBody(def: Def): string {
    if (def.catchall) throw new Unsupported('object catchall');
    const names = Object.keys(def.shape!);
    const fields = names.map((key) => `x = v[${JSON.stringify(key)}]; if (!(${this.test(def.shape![key]!, 'x')})) return false;`);
    // Every key must be a name (zod would strip another). The model builds most objects with the
    // schema's keys in its order, so each key is the next name; from the first key out of that
    // order on (an outline node puts its span before its role), each is one of the names, compared
    // in a switch: the keys of a for-in are unique strings, compared by reference. The keys before
    // it are names already: they are not compared again.
    const order = this.constant(names);
    const cases = names.map((name) => `case ${JSON.stringify(name)}:`).join(' ');
    return [
      'if (typeof v !== "object" || v === null || Array.isArray(v)) return false;',
      'let x;',
      ...fields,
      'let n = 0;',
      `for (const k in v) { if (n >= 0 && k === ${order}[n]) { n++; continue; } n = -1; switch (k) { ${cases} continue; default: return false; } }`,
      'return true;',
    ].join('\n');
  }

  private recordBody(def: Def): string {
    // A record over an enum that is not partial needs every key: not a shape the model uses.
    if (!def.partial) throw new Unsupported('exhaustive record');
    return [
      'if (typeof v !== "object" || v === null || Array.isArray(v)) return false;',
      `for (const [k, x] of Object.entries(v)) if (!(${this.test(def.keyType!, 'k')}) || !(${this.test(def.valueType!, 'x')})) return false;`,
      'return true;',
    ].join('\n');
  }
}
