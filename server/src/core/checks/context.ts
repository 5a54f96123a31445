import type { ReportDiagnostic, Severity } from '../report/diagnostics.js';
import { localize } from '../report/l10n.js';
import type { TextPattern } from '../report/patterns.js';
import type { ReportModel } from '../parse/model.js';
import { LineIndex } from '../parse/text.js';
import type { BlockView, Rule, RuleContext } from './rule.js';
import { blockMatches, placeholderPatternsWith } from './textPatterns.js';

/** What every rule of one analysis reads; `createRuleContext` adds what is the rule's own. */
export type AnalysisFacts = Omit<RuleContext, 'placeholderPatterns' | 'severity' | 'diagnostic' | 'message' | 'lineOf' | 'shared' | 'eachBlock'>;

/** The severity a rule reports at under `settings`, or 'off'. */
export function ruleSeverity(rule: Rule, settings: AnalysisFacts['settings']): Severity | 'off' {
  return rule.severitySetting ? settings[rule.severitySetting] : rule.defaultSeverity;
}

/** Memo keys of a rule's diagnostics per block: one per placeholder patterns, rule, locale and severity. */
const blockKeys = new WeakMap<readonly TextPattern[], Map<string, object>>();

function blockKey(patterns: readonly TextPattern[], rule: Rule, facts: AnalysisFacts, severity: Severity): object {
  let keys = blockKeys.get(patterns);
  if (!keys) blockKeys.set(patterns, (keys = new Map()));
  const name = `${rule.code} ${facts.locale} ${severity}`;
  let key = keys.get(name);
  if (!key) keys.set(name, (key = {}));
  return key;
}

/**
 * The diagnostics `make` gives each block, relative to its start, kept in the block's memo under `key`:
 * after an edit only the changed blocks' are made again, the others' are moved. A 5 MB report has
 * thousands, and writing their messages again on every keystroke cost more than finding them.
 */
function perBlock(model: ReportModel, key: object, make: (view: BlockView) => ReportDiagnostic[]): ReportDiagnostic[] {
  const diagnostics: ReportDiagnostic[] = [];
  for (const block of model.blocks) {
    let relative = block.memo.get(key) as readonly ReportDiagnostic[] | undefined;
    if (!relative) {
      const view: BlockView = {
        block,
        text: (span) => model.text.slice(span.start + block.start, span.end + block.start),
        matches: (patterns) => blockMatches(model, block, patterns),
      };
      block.memo.set(key, (relative = make(view)));
    }
    const at = block.start;
    for (const d of relative) diagnostics.push({ code: d.code, severity: d.severity, start: d.start + at, end: d.end + at, message: d.message, data: d.data });
  }
  return diagnostics;
}

/**
 * The context of one rule in one analysis. `cache` and `lines` are the analysis' own, shared by its rules:
 * what one rule computes for another (`shared`) and the line index (built only as far as a message asks).
 * The facts are spread last: on Node 20 an object literal that adds properties after a spread takes a slow
 * path of V8 (~7 µs here, for each rule of each analysis), one that ends with the spread does not.
 */
export function createRuleContext(facts: AnalysisFacts, rule: Rule, severity: Severity, cache: Map<object, unknown>, lines: () => LineIndex): RuleContext {
  const { locale, model } = facts;
  const placeholderPatterns = placeholderPatternsWith(facts.settings.extraPlaceholderPatterns);
  return {
    placeholderPatterns,
    severity,
    message: (key, args) => localize(locale, key, args),
    diagnostic: (span, key, args, data) => {
      const message = localize(locale, key, args);
      return data === undefined
        ? { code: rule.code, severity, start: span.start, end: span.end, message }
        : { code: rule.code, severity, start: span.start, end: span.end, message, data };
    },
    lineOf: (offset) => lines().positionAt(offset).line + 1,
    shared: <T>(key: object, compute: () => T): T => {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
    eachBlock: (make) => perBlock(model, blockKey(placeholderPatterns, rule, facts, severity), make),
    ...facts,
  };
}
