import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import type { RangeLike } from '../../server/src/protocol.js';

export function toVscodeRange(range: RangeLike): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A markdown document the language server knows (file, untitled or remote). */
export function isMarkdown(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === 'markdown';
}

/**
 * Wraps a refresh so that calls arriving while one runs collapse into a single rerun after it: views
 * stay current while typing without queueing a request per keystroke.
 */
export function coalesce(refresh: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await refresh();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

/** Holds the running client; commands and views ask it for the current one (it changes on restart). */
export interface ClientHolder {
  readonly client: LanguageClient;
  /** Settles when the language server has answered `initialize` (a panel restored at startup waits for it). */
  readonly ready: Promise<void>;
}

/**
 * A count in words, singular or plural: `one` is the message for 1 ("1 placeholder"), `many` the message
 * with `{0}` for any other count ("{0} placeholders"). Both are keys of the l10n bundles.
 */
export function countOf(n: number, one: string, many: string): string {
  return n === 1 ? vscode.l10n.t(one) : vscode.l10n.t(many, n);
}
