/**
 * Tables of names (units, multipliers, qualifiers) found at a position of a text, longest first: the
 * lookups of server/src/core/goals/numbers.ts, which run for every figure and every qualifier.
 */
interface Named<T> {
  readonly name: string;
  /** The name lower-cased, for the Latin names that ignore case. */
  readonly lower: string;
  readonly latin: boolean;
  /** A Latin name that starts (ends) with a letter must not continue a word before (after) it. */
  readonly startsWithLetter: boolean;
  readonly endsWithLetter: boolean;
  readonly value: T;
}

/**
 * Names longest first (so 个工作日 wins over 个 and m³/h over m), indexed by their lower-cased first and
 * last character: a lookup runs for every figure and every qualifier, and tries only the few names that
 * can match there instead of all of them. Lower-casing maps each character on its own, so a name that
 * matches (even ignoring case) starts and ends with the lower-cased characters of the text.
 */
export interface NameTable<T> {
  readonly byFirst: ReadonlyMap<number, readonly Named<T>[]>;
  readonly byLast: ReadonlyMap<number, readonly Named<T>[]>;
}

export const latinLetter = /[A-Za-z]/;
export const isLatin = (name: string) => latinLetter.test(name);

/** The lower-cased character code at `at` (NaN outside the text), the key of a name table. */
function foldedCodeAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code >= 65 && code <= 90) return code + 32;
  // ASCII other than A–Z, and CJK punctuation and ideographs (U+3000–U+9FFF), have no case.
  if (code < 128 || (code >= 0x3000 && code <= 0x9fff) || Number.isNaN(code)) return code;
  return text.charAt(at).toLowerCase().charCodeAt(0);
}

export function addTo<V>(index: Map<number, V[]>, key: number, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

export function table<T>(entries: readonly (readonly [string, T])[]): NameTable<T> {
  const named = entries
    .map(([name, value]): Named<T> => ({
      name,
      lower: name.toLowerCase(),
      latin: isLatin(name),
      startsWithLetter: /^[A-Za-z]/.test(name),
      endsWithLetter: /[A-Za-z]$/.test(name),
      value,
    }))
    .sort((a, b) => b.name.length - a.name.length);
  const byFirst = new Map<number, Named<T>[]>();
  const byLast = new Map<number, Named<T>[]>();
  for (const entry of named) {
    addTo(byFirst, foldedCodeAt(entry.name, 0), entry);
    addTo(byLast, foldedCodeAt(entry.name, entry.name.length - 1), entry);
  }
  return { byFirst, byLast };
}

const noNames: readonly Named<never>[] = [];
const letterOrDigit = /[A-Za-z0-9]/;

/**
 * The longest name of `list` that starts at `at`. Latin names of one or two letters must match exactly (M
 * is a million, m a metre), longer ones ignore case; a Latin name never ends inside a word.
 */
export function nameAt<T>(text: string, at: number, list: NameTable<T>): Named<T> | undefined {
  for (const entry of list.byFirst.get(foldedCodeAt(text, at)) ?? noNames) {
    const length = entry.name.length;
    const same = entry.latin && length > 2 ? text.slice(at, at + length).toLowerCase() === entry.lower : text.startsWith(entry.name, at);
    if (!same) continue;
    if (entry.latin && entry.endsWithLetter && letterOrDigit.test(text.charAt(at + length))) continue;
    return entry;
  }
  return undefined;
}

/** The longest name of `list` that ends at `end`; a Latin name starts a word. */
export function nameEndingAt<T>(text: string, end: number, list: NameTable<T>): { readonly value: T; readonly start: number } | undefined {
  for (const entry of list.byLast.get(foldedCodeAt(text, end - 1)) ?? noNames) {
    const start = end - entry.name.length;
    if (start < 0) continue;
    const same = entry.latin ? text.slice(start, end).toLowerCase() === entry.lower : text.startsWith(entry.name, start);
    if (!same) continue;
    if (entry.latin && entry.startsWithLetter && latinLetter.test(text.charAt(start - 1))) continue;
    return { value: entry.value, start };
  }
  return undefined;
}
