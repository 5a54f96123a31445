/**
 * The budgets of the engine: how much of a document, a schema or a setting it reads before it stops and
 * says what it left out (README, "Reliability"). Each is far above what a real report or schema needs.
 */
export const limits = {
  /** Diagnostics of one code per document; the rest are one `analysis-limit` note. */
  findingsPerCheck: 10_000,
  /** Bytes of a schema file; a larger one is refused unread. */
  schemaFileBytes: 1024 * 1024,
  /** Slots in one schema file. */
  schemaSlots: 500,
  /**
   * Characters of one heading term (a title, `aliases`, `strong`, …) or title keyword in a schema, and
   * terms in one schema: every term is an alternative of one expression that reads each heading.
   */
  schemaTermLength: 100,
  schemaTerms: 1000,
  /** Characters of front matter that are read as YAML; a longer one is a `frontmatter` error. */
  frontMatterCharacters: 100_000,
  /** Levels of lists and block quotes, and rows of one table, that the parser reads (parse/bounds.ts). */
  nestingDepth: 32,
  tableRows: 2000,
  /** Patterns in `reportWriter.placeholders.extraPatterns`, and characters of one. */
  userPatterns: 50,
  userPatternLength: 500,
} as const;

/** Appends `items` one by one: `target.push(...items)` overflows the stack past ~100 000 items. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
