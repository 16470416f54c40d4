export { diffProgrammes } from './changes.js';
export { renderText, type TextOptions } from './render-text.js';
export { renderMarkdown } from './render-md.js';
