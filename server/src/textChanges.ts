import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from './core/index.js';

/** One version's edits: where they changed the text of version `base`; undefined when the whole text was replaced. */
interface Step {
  readonly base: number;
  readonly change: TextChange | undefined;
}

/** Versions remembered per document: the server parses again long before a client sends this many. */
const maximumSteps = 64;

/** `first` followed by `then`: the stretch of the final text that differs from the text before `first`. */
function compose(first: TextChange, then: TextChange): TextChange {
  return {
    from: Math.min(first.from, then.from),
    to: Math.max(first.to, then.to - then.delta) + then.delta,
    delta: first.delta + then.delta,
  };
}

/**
 * The text documents' configuration for `TextDocuments`, noting where each incremental edit changed the
 * text. The engine compares a new version with the last one it parsed to find what to parse again, which
 * costs ~4 ms at 5 MB; the edits the client sent say it at once (`changedSince`).
 */
export function createTrackedDocuments() {
  const steps = new WeakMap<TextDocument, Step[]>();
  return {
    create(uri: string, languageId: string, version: number, content: string): TextDocument {
      // A client that sends no text (or not a string) opens an empty document rather than a broken one.
      const document = TextDocument.create(uri, languageId, Number.isInteger(version) ? version : 0, typeof content === 'string' ? content : '');
      steps.set(document, []);
      return document;
    },
    update(document: TextDocument, changes: TextDocumentContentChangeEvent[], given: number): TextDocument {
      const base = document.version;
      // Every change makes a newer version, even one the client numbers as the last: what is cached per
      // version (models, analyses, diagnostics) must not outlive the text it was made of.
      const version = Number.isInteger(given) && given > base ? given : base + 1;
      let change: TextChange | undefined;
      // No changes at all still make a new version.
      let whole = changes.length === 0;
      let updated = whole ? TextDocument.update(document, [], version) : document;
      for (const event of changes) {
        if ('range' in event) {
          const from = updated.offsetAt(event.range.start);
          const end = updated.offsetAt(event.range.end);
          const edit = { from, to: from + event.text.length, delta: event.text.length - (end - from) };
          change = change ? compose(change, edit) : edit;
        } else whole = true;
        updated = TextDocument.update(updated, [event], version);
      }
      const log = steps.get(document) ?? [];
      steps.delete(document);
      log.push({ base, change: whole ? undefined : change });
      if (log.length > maximumSteps) log.shift();
      steps.set(updated, log);
      return updated;
    },
    /** Where the document's text differs from its text at `version`; undefined when that is not known. */
    changedSince(document: TextDocument, version: number): TextChange | undefined {
      const log = steps.get(document);
      if (!log) return undefined;
      let at = -1;
      for (let i = log.length - 1; i >= 0; i--) {
        if (log[i]!.base === version) {
          at = i;
          break;
        }
      }
      if (at < 0) return undefined;
      let change = log[at]!.change;
      for (let i = at + 1; i < log.length && change; i++) {
        const next = log[i]!.change;
        change = next && compose(change, next);
      }
      return change;
    },
  };
}
