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

/** Holds the running client; commands and views ask it for the current one (it changes on restart). */
export interface ClientHolder {
  readonly client: LanguageClient;
}
