import { z } from 'zod';
import { Programme } from '../model/programme.js';

/** The JSON Schema other systems validate against, generated from the zod model. */
export function programmeJsonSchema(): Record<string, unknown> {
  return {
    title: 'vanban programme model, version 1',
    ...z.toJSONSchema(Programme, { target: 'draft-2020-12' }),
  };
}
