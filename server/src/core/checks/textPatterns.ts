import type { ReportDiagnostic, Severity } from '../report/diagnostics.js';
import { localize, type Locale } from '../report/l10n.js';
import type { BlockModel, ReportModel } from '../parse/model.js';
import { placeholderPatterns, scanSpans, vagueQuantityPatterns, type PatternMatch, type TextPattern } from '../report/patterns.js';

/** The built-in placeholder patterns followed by the user's, one array per user list (the block memo's key). */
const withExtra = new WeakMap<readonly TextPattern[], readonly TextPattern[]>();

function placeholderPatternsWith(extra: readonly TextPattern[]): readonly TextPattern[] {
  if (!extra.length) return placeholderPatterns;
  let patterns = withExtra.get(extra);
  if (!patterns) withExtra.set(extra, (patterns = [...placeholderPatterns, ...extra]));
  return patterns;
}

/** A block's matches of `patterns`, relative to its start: found once, kept in its memo while its text stays the same. */
function blockMatches(model: ReportModel, block: BlockModel, patterns: readonly TextPattern[]): readonly PatternMatch[] {
  let relative = block.memo.get(patterns) as readonly PatternMatch[] | undefined;
  if (!relative) {
    relative = scanSpans(model.text, block.prose, patterns, block.start);
    block.memo.set(patterns, relative);
  }
  return relative;
}

/** Placeholders left in the prose: `XX%`, `XX万元`, `【待补充】`, `TBD`, `某款`… Matches never cross a prose span. */
export function findPlaceholders(model: ReportModel, extra: readonly TextPattern[]): PatternMatch[] {
  const patterns = placeholderPatternsWith(extra);
  const matches: PatternMatch[] = [];
  for (const block of model.blocks) {
    for (const m of blockMatches(model, block, patterns)) matches.push({ id: m.id, start: m.start + block.start, end: m.end + block.start });
  }
  return matches;
}

/** Memo keys of the diagnostics per block: one per placeholder patterns, kind, locale and severity. */
const diagnosticKeys = new WeakMap<readonly TextPattern[], Map<string, object>>();

function diagnosticKey(patterns: readonly TextPattern[], kind: string, locale: Locale, severity: Severity): object {
  let keys = diagnosticKeys.get(patterns);
  if (!keys) diagnosticKeys.set(patterns, (keys = new Map()));
  const name = `${kind} ${locale} ${severity}`;
  let key = keys.get(name);
  if (!key) keys.set(name, (key = {}));
  return key;
}

/**
 * The diagnostics `make` gives each block, relative to its start, kept in the block's memo under `key`:
 * after an edit only the changed blocks' are made again, the others' are moved. A 5 MB report has
 * thousands, and writing their messages again on every keystroke cost more than finding them.
 */
function perBlock(model: ReportModel, key: object, make: (block: BlockModel) => ReportDiagnostic[]): ReportDiagnostic[] {
  const diagnostics: ReportDiagnostic[] = [];
  for (const block of model.blocks) {
    let relative = block.memo.get(key) as readonly ReportDiagnostic[] | undefined;
    if (!relative) block.memo.set(key, (relative = make(block)));
    const at = block.start;
    for (const d of relative) diagnostics.push({ code: d.code, severity: d.severity, start: d.start + at, end: d.end + at, message: d.message, data: d.data });
  }
  return diagnostics;
}

export function checkPlaceholders(model: ReportModel, extra: readonly TextPattern[], locale: Locale): ReportDiagnostic[] {
  const patterns = placeholderPatternsWith(extra);
  return perBlock(model, diagnosticKey(patterns, 'placeholder', locale, 'warning'), (block) =>
    blockMatches(model, block, patterns).map((m) => ({
      code: 'placeholder',
      severity: 'warning',
      start: m.start,
      end: m.end,
      message: localize(locale, 'placeholder', { text: model.text.slice(m.start + block.start, m.end + block.start) }),
      data: { kind: 'pattern', pattern: m.id },
    })),
  );
}

/** Amounts without a figure: 数十项, 数万元, 近千项… A vague quantity inside a placeholder is not reported twice. */
export function checkVagueQuantities(model: ReportModel, extra: readonly TextPattern[], severity: Severity, locale: Locale): ReportDiagnostic[] {
  const patterns = placeholderPatternsWith(extra);
  return perBlock(model, diagnosticKey(patterns, 'vague-quantity', locale, severity), (block) => {
    const placeholders = blockMatches(model, block, patterns);
    // Both lists are sorted and free of overlaps, so one forward pointer finds the placeholder that could overlap.
    let next = 0;
    const diagnostics: ReportDiagnostic[] = [];
    for (const { id, start, end } of blockMatches(model, block, vagueQuantityPatterns)) {
      while (next < placeholders.length && placeholders[next]!.end <= start) next++;
      if (next < placeholders.length && placeholders[next]!.start < end) continue;
      diagnostics.push({
        code: 'vague-quantity',
        severity,
        start,
        end,
        message: localize(locale, 'vagueQuantity', { text: model.text.slice(start + block.start, end + block.start) }),
        data: { kind: 'pattern', pattern: id },
      });
    }
    return diagnostics;
  });
}
