import { isMap, type Document } from 'yaml';
import { limits } from '../report/limits.js';
import { parseYaml } from './yamlDocument.js';

export interface FrontMatterProblem {
  /** The YAML parser's own explanation, or one of ours (`not-a-mapping`, `not-closed`, `too-large`). */
  readonly kind: 'yaml' | 'not-a-mapping' | 'not-closed' | 'too-large';
  readonly detail: string;
  readonly start: number;
  readonly end: number;
}

export interface FrontMatter {
  /** The whole block, fences included. */
  readonly start: number;
  readonly end: number;
  /** Offset of the YAML text inside the document. */
  readonly valueStart: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly problems: readonly FrontMatterProblem[];
  /** Document range of a top-level key's value, for diagnostics that point at it. */
  valueRange(key: string): { start: number; end: number } | undefined;
}

/**
 * Reads the YAML between the fences. `blockStart`/`blockEnd` delimit the fenced block in the document,
 * `yamlText` is its content; every offset returned is a document offset.
 */
export function readFrontMatter(text: string, blockStart: number, blockEnd: number, yamlText: string): FrontMatter {
  const firstBreak = text.indexOf('\n', blockStart);
  const valueStart = firstBreak < 0 ? blockEnd : firstBreak + 1;
  if (yamlText.length > limits.frontMatterCharacters) {
    // Front matter is a few keys; 100 000 of them (1 MB) took seconds and 400 MB to read for nothing.
    const problem: FrontMatterProblem = { kind: 'too-large', detail: '', start: blockStart, end: Math.min(blockEnd, valueStart) };
    return { start: blockStart, end: blockEnd, valueStart, data: {}, problems: [problem], valueRange: () => undefined };
  }
  const doc: Document = parseYaml(yamlText);
  const problems: FrontMatterProblem[] = doc.errors.map((error) => ({
    kind: 'yaml',
    detail: error.message.split('\n')[0]!,
    start: valueStart + error.pos[0],
    end: valueStart + Math.max(error.pos[1], error.pos[0] + 1),
  }));
  let data: Record<string, unknown> = {};
  if (problems.length === 0 && doc.contents !== null) {
    if (isMap(doc.contents)) {
      try {
        data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
      } catch (error) {
        // Aliases that would expand past maxAliasCount (a "billion laughs" block): refused, not expanded.
        problems.push({ kind: 'yaml', detail: (error as Error).message, start: blockStart, end: Math.min(blockEnd, valueStart) });
      }
    } else {
      problems.push({ kind: 'not-a-mapping', detail: '', start: blockStart, end: Math.min(blockEnd, valueStart) });
    }
  }
  return {
    start: blockStart,
    end: blockEnd,
    valueStart,
    data,
    problems,
    valueRange(key) {
      if (!isMap(doc.contents)) return undefined;
      const pair = doc.contents.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      const range = (pair?.value as { range?: [number, number, number] } | null)?.range;
      return range ? { start: valueStart + range[0], end: valueStart + range[1] } : undefined;
    },
  };
}

/** A document that opens a front matter fence and never closes it. */
export function unclosedFrontMatter(text: string): FrontMatterProblem | undefined {
  const match = /^(\uFEFF?)---[ \t]*\r?\n/.exec(text);
  if (!match) return undefined;
  const start = match[1]!.length;
  return { kind: 'not-closed', detail: '', start, end: start + 3 };
}
