export { parse, normalizedText, type ParseOptions } from './parse.js';
export { Programme, Citation, Conference, Item, Diagnostic, SCHEMA_VERSION } from './model/programme.js';
export { InputError, isInputError } from './errors.js';
export { parseFile } from './parse-file.js';
export { outline } from './emit/outline.js';
export { programmeJsonSchema } from './emit/schema.js';
export { diffProgrammes, renderText as renderDiffText, renderMarkdown as renderDiffMarkdown } from './diff/index.js';
export { DiffResult, diffJsonSchema } from './model/diff.js';
export { accountLines } from './model/homes.js';
