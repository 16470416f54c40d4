export { parse, normalizedText, type ParseOptions } from './parse.js';
export { Programme, Citation, Conference, Item, Diagnostic, SCHEMA_VERSION } from './model/programme.js';
export { InputError, isInputError } from './errors.js';
