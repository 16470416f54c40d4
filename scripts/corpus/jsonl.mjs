import { readFileSync } from 'node:fs';

/**
 * The lines of a truth file (one JSON object per line), each checked by `problemOf`; an unreadable
 * file, a bad line or a line with a problem is one `onError` line naming the file and line.
 */
export function readJsonLines(path, problemOf, onError, shown = path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    onError(`${shown}: cannot read truth file (${error.code ?? error.message})`);
    return [];
  }
  const out = [];
  text.split(/\r?\n/u).forEach((line, i) => {
    if (line.trim() === '') return;
    let t;
    try {
      t = JSON.parse(line);
    } catch (error) {
      onError(`${shown}:${i + 1}: bad truth line (${error.message})`);
      return;
    }
    const problem = problemOf(t);
    if (problem) onError(`${shown}:${i + 1}: bad truth line (${problem})`);
    else out.push(t);
  });
  return out;
}
