import type { Citation, Conference, Item } from '../model/programme.js';
import { findCitations } from '../recognise/citations.js';
import { matchPhrase, type Matchers } from '../recognise/compile.js';
import type { Line } from '../recognise/lines.js';
import { readConferenceHeading } from '../resolve/conference.js';
import type { AttributionLine } from '../resolve/attributions.js';
import { groupBlocks, type Block } from './blocks.js';

export interface Body {
  preamble: string[];
  sections: { label: string; title: string; paragraphs: string[]; line: number }[];
  conferences: Conference[];
  attributionLines: AttributionLine[];
  citations: Citation[];
}

/** Builds sections ⊃ conferences ⊃ items from the body's blocks; it knows levels, not words. */
export function assembleBody(lines: readonly Line[], m: Matchers): Body {
  const body: Body = { preamble: [], sections: [], conferences: [], attributionLines: [], citations: [] };
  let conference: Conference | null = null;
  const paragraph = (block: Block) => {
    pushAll(body.citations, findCitations(block.joined, m));
    const section = body.sections[body.sections.length - 1];
    (section ? section.paragraphs : body.preamble).push(block.joined.text);
  };
  const blocks = groupBlocks(lines);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const first = block.first;
    switch (block.kind) {
      case 'rule':
        break;
      case 'section':
        body.sections.push({
          label: first.label!,
          title: block.after(first.text.length - first.rest!.length).text,
          paragraphs: [],
          line: first.line,
        });
        conference = null;
        break;
      case 'conference': {
        const title = block.after(first.text.length - first.rest!.length).text;
        conference = {
          ordinal: Number(first.label),
          title,
          ...readConferenceHeading(title, m),
          items: [],
          section: body.sections[body.sections.length - 1]?.label ?? null,
          line: first.line,
        };
        body.conferences.push(conference);
        break;
      }
      case 'item': {
        if (!conference) {
          paragraph(block);
          break;
        }
        const joined = block.after(first.text.length - first.rest!.length);
        const citations = findCitations(joined, m);
        pushAll(body.citations, citations);
        const action = matchPhrase(joined.key, 0, m.actions);
        const item: Item = {
          number: Number(first.label),
          text: joined.text,
          leadAgencies: [],
          citations,
          action: action ? joined.text.slice(0, action.key.length) : null,
          line: first.line,
        };
        conference.items.push(item);
        break;
      }
      case 'attribution':
        if (!conference) {
          paragraph(block);
          break;
        }
        // A line is its own joined text when it is the block (and its key fits it, as Joined asks).
        const whole = block.lines.length === 1 && first.key.length === first.text.length ? first : block.joined;
        body.attributionLines.push({
          conference,
          itemsBefore: conference.items.length,
          text: whole.text,
          key: whole.key,
          contentAt: first.contentAt!,
          line: first.line,
        });
        break;
      default:
        paragraph(block);
    }
  }
  return body;
}

/** `to.push(...from)` without the spread call's argument list: most paragraphs cite nothing. */
function pushAll<T>(to: T[], from: readonly T[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]!);
}
