import { z } from 'zod';
import { programmeJsonSchema } from '../emit/schema.js';
import { diffJsonSchema } from '../model/diff.js';
import { PROBLEMS, PROBLEM_MEDIA_TYPE, Problem, type ProblemSlug } from './problem.js';
import { Health, LintReport, UPLOAD_PROBLEMS, type Route } from './routes.js';

/**
 * A component schema whose own `$defs` stay inside it: its "#/$defs/X" references become
 * pointers into the OpenAPI document, so the schema is otherwise the one `vanban schema` prints.
 */
function component(name: string, schema: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"#/components/schemas/${name}/$defs/`)) as Record<string, unknown>;
}

const fromZod = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The OpenAPI 3.1 document of the service, from its route table and the zod models. */
export function openapiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const problems: ProblemSlug[] = route.files ? UPLOAD_PROBLEMS : ['bad-request'];
    const responses: Record<string, unknown> = {
      200: {
        description: route.summary,
        content: Object.fromEntries(Object.entries(route.ok).map(([type, schema]) => [type, { schema: typeof schema === 'string' ? ref(schema) : schema }])),
      },
    };
    for (const slug of problems) {
      const { status } = PROBLEMS[slug];
      const described = problems.filter((s) => PROBLEMS[s].status === status).map((s) => PROBLEMS[s].title.en);
      responses[status] = {
        description: described.join('; '),
        content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem') } },
        ...(status === 503 ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } } : {}),
      };
    }
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        summary: route.summary,
        operationId: route.operationId,
        parameters: (route.parameters ?? []).map((p) => ({ in: 'query', name: p.name, description: p.description, required: false, schema: p.schema })),
        ...(route.files ? { requestBody: requestBody(route.files) } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'vanban',
      version,
      description: 'Vietnamese Party-committee documents (.docx, .doc, .txt, .md, .html) to a validated JSON model. Errors are RFC 9457 problem details.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: {
        Programme: component('Programme', programmeJsonSchema()),
        DiffResult: component('DiffResult', diffJsonSchema()),
        LintReport: component('LintReport', fromZod(LintReport)),
        Health: fromZod(Health),
        Problem: fromZod(Problem),
      },
    },
  };
}

function requestBody(files: readonly string[]): Record<string, unknown> {
  const binary = { type: 'string', contentMediaType: 'application/octet-stream' };
  const multipart = { 'multipart/form-data': { schema: { type: 'object', required: files, properties: Object.fromEntries(files.map((f) => [f, binary])) } } };
  // One file may also come as the raw body, named by ?name= or Content-Disposition.
  return { required: true, content: files.length === 1 ? { ...multipart, 'application/octet-stream': { schema: binary } } : multipart };
}
