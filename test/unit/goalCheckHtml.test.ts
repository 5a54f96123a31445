import * as assert from 'node:assert/strict';
import { escapeHtml, renderGoalCheck, revealTarget, type GoalCheckStrings } from '../../client/src/goalCheckHtml.js';
import type { GoalCheckResult, GoalCheckRow } from '../../server/src/protocol.js';

const attacks = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[点我](javascript:alert(1))',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
];

const strings: GoalCheckStrings = {
  heading: 'Goals against outcomes', goal: 'Goal', target: 'Target', outcome: 'Outcome', actual: 'Actual', verdict: 'Verdict',
  achievement: 'Achievement', verdicts: { met: 'Met', missed: 'Missed', unverifiable: 'Cannot tell', 'no-outcome': 'No outcome' },
  totals: 'Totals', placeholders: 'Placeholders left', missingChapters: 'Missing chapters', none: 'none', noGoals: 'No goals',
  notAReport: 'Not a report', copyMarkdown: 'Copy as Markdown', insertMarkdown: 'Insert into report', reveal: 'Go to this goal',
};

const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 20 } };

function row(text: string, verdict: GoalCheckRow['verdict']): GoalCheckRow {
  return {
    range,
    text,
    metric: text,
    target: text,
    outcome: { range, text, actual: text },
    verdict,
    reason: text,
    achievement: verdict === 'met' ? 1.05 : null,
  };
}

const hostile: GoalCheckResult = {
  uri: 'file:///r/x.md',
  version: 1,
  isReport: true,
  title: attacks[0],
  schema: { id: 'generic', name: attacks[1]! },
  goals: attacks.map((a, i) => row(a, i % 2 ? 'met' : 'unverifiable')),
  totals: { met: 2, missed: 0, unverifiable: 3, noOutcome: 0 },
  placeholders: 1,
  missingChapters: [attacks[3]!],
  markdown: attacks.join('\n'),
};

/**
 * Every tag of the document with its name and attributes, as a browser would tokenize escaped text.
 * `names` are the attribute names, read after removing the quoted values (which hold escaped text).
 */
function tags(html: string): { name: string; attributes: string; names: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: m[2]!,
    names: [...m[2]!.replace(/"[^"]*"/g, '').matchAll(/([^\s=]+)\s*(?:=|$|\s)/g)].map((a) => a[1]!.toLowerCase()),
  }));
}

describe('goal-check preview HTML', () => {
  const nonce = 'bm9uY2Utdmlldw==';
  const html = renderGoalCheck(hostile, { nonce, cspSource: 'https://webview.test', lang: 'en', strings });

  it('turns <script>, <img onerror>, <svg onload> and javascript: links in report text into inert text', () => {
    const names = new Set(tags(html).map((t) => t.name));
    for (const forbidden of ['img', 'svg', 'iframe', 'a', 'object', 'embed', 'link', 'base', 'form']) assert.ok(!names.has(forbidden), forbidden);
    assert.equal(tags(html).filter((t) => t.name === 'script').length, 1, 'only the preview\'s own script');
    for (const tag of tags(html)) {
      assert.deepEqual(tag.names.filter((n) => n.startsWith('on')), [], `event handler attribute in <${tag.name}${tag.attributes}>`);
      assert.ok(tag.attributes.split('"').every((part, i) => i % 2 === 1 || !/javascript:/i.test(part)), `javascript: outside a quoted value in <${tag.name}${tag.attributes}>`);
    }
    assert.ok(html.includes(escapeHtml('<img src=x onerror=alert(1)>')));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('declares a strict Content-Security-Policy with a nonce on its only style and script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'(;|$)`));
    assert.match(csp, new RegExp(`style-src https://webview.test 'nonce-${nonce}'(;|$)`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!webview\.test)/);
    for (const tag of tags(html).filter((t) => t.name === 'script' || t.name === 'style')) assert.match(tag.attributes, new RegExp(`nonce="${nonce}"`));
  });

  it('loads nothing: no tag has a src or href', () => {
    for (const tag of tags(html)) assert.deepEqual(tag.names.filter((n) => n === 'src' || n === 'href'), [], `<${tag.name}${tag.attributes}>`);
  });

  it('makes every goal row keyboard-focusable and carries its line as data, never as code', () => {
    const rows = tags(html).filter((t) => t.name === 'tr' && /data-line/.test(t.attributes));
    assert.equal(rows.length, attacks.length);
    for (const r of rows) assert.match(r.attributes, /tabindex="0" data-line="3" data-character="2"/);
  });

  it('says so when the document is not a report', () => {
    const page = renderGoalCheck(null, { nonce, cspSource: 'https://webview.test', lang: 'en', strings });
    assert.match(page, /<p class="empty">Not a report<\/p>/);
  });
});

describe('goal check: reveal messages from the webview', () => {
  it('takes a line inside the document and a non-negative character, and nothing else', () => {
    assert.deepEqual(revealTarget({ type: 'reveal', line: 3, character: 5 }, 10), { line: 3, character: 5 });
    assert.deepEqual(revealTarget({ type: 'reveal', line: 9, character: -1 }, 10), { line: 9, character: 0 });
    for (const message of [
      { type: 'reveal', line: 10 },
      { type: 'reveal', line: -1 },
      { type: 'reveal', line: 1.5 },
      { type: 'reveal', line: '3' },
      { type: 'reveal', line: Number.MAX_SAFE_INTEGER + 2 },
      { type: 'copy', line: 1 },
      null,
      'reveal',
    ]) {
      assert.equal(revealTarget(message, 10), undefined, JSON.stringify(message));
    }
  });
});
