import type { GoalCheckResult, GoalVerdict } from '../../server/src/protocol.js';

/** The preview's words, localized by the caller (this module stays free of the vscode API so it can be tested). */
export interface GoalCheckStrings {
  readonly heading: string;
  readonly goal: string;
  readonly target: string;
  readonly outcome: string;
  readonly actual: string;
  readonly verdict: string;
  readonly achievement: string;
  readonly verdicts: Readonly<Record<GoalVerdict, string>>;
  readonly totals: string;
  readonly placeholders: string;
  readonly missingChapters: string;
  readonly none: string;
  readonly noGoals: string;
  readonly notAReport: string;
  readonly copyMarkdown: string;
  readonly insertMarkdown: string;
  readonly reveal: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every piece of report text goes through here: it can never become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

/**
 * The goal-check preview as one HTML document. The Content-Security-Policy allows only the nonce'd style
 * and script and the webview's own resources; rows carry their line in a data attribute, never in code.
 */
export function renderGoalCheck(
  result: GoalCheckResult | null,
  options: {
    nonce: string;
    cspSource: string;
    lang: 'en' | 'zh-CN';
    strings: GoalCheckStrings;
    /** The report shown, kept in the webview's state so that a window reload shows it again. */
    uri?: string | undefined;
  },
): string {
  const { nonce, cspSource, strings: t } = options;
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src ${cspSource}`;
  const body = !result || !result.isReport
    ? `<p class="empty">${escapeHtml(t.notAReport)}</p>`
    : renderScorecard(result, t);
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(t.heading)}</title>
<style nonce="${nonce}">${styles}</style>
</head>
<body data-uri="${escapeHtml(options.uri ?? '')}">
${body}
<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}

function renderScorecard(result: GoalCheckResult, t: GoalCheckStrings): string {
  const rows = result.goals.map((goal) => {
    const achievement = goal.achievement === null
      ? ''
      : `<meter min="0" max="1.5" low="0.999" optimum="1.2" value="${Math.max(0, Math.min(goal.achievement, 1.5))}" aria-label="${escapeHtml(percent(goal.achievement))}"></meter> <span class="rate">${escapeHtml(percent(goal.achievement))}</span>`;
    const outcome = goal.outcome
      ? `<span class="figure" aria-label="${escapeHtml(t.actual)}">${escapeHtml(goal.outcome.actual)}</span><span class="quote" title="${escapeHtml(goal.outcome.text)}">${escapeHtml(goal.outcome.text)}</span><span class="line">L${goal.outcome.range.start.line + 1}</span>`
      : `<span class="muted">${escapeHtml(t.none)}</span>`;
    return `<tr tabindex="0" data-line="${goal.range.start.line}" data-character="${goal.range.start.character}" title="${escapeHtml(t.reveal)}">
  <td><span class="metric">${escapeHtml(goal.metric)}</span><span class="quote" title="${escapeHtml(goal.text)}">${escapeHtml(goal.text)}</span><span class="line">L${goal.range.start.line + 1}</span></td>
  <td class="num">${escapeHtml(goal.target)}</td>
  <td>${outcome}</td>
  <td><span class="badge ${goal.verdict}">${escapeHtml(t.verdicts[goal.verdict])}</span>${achievement ? `<span class="achievement">${achievement}</span>` : ''}${goal.reason ? `<span class="reason">${escapeHtml(goal.reason)}</span>` : ''}</td>
</tr>`;
  });
  const { met, missed, unverifiable, noOutcome } = result.totals;
  const summary = [
    ['met', met, t.verdicts.met],
    ['missed', missed, t.verdicts.missed],
    ['unverifiable', unverifiable, t.verdicts.unverifiable],
    ['no-outcome', noOutcome, t.verdicts['no-outcome']],
  ].map(([cls, count, label]) => `<li><span class="badge ${cls}">${escapeHtml(String(label))}</span> <strong>${count}</strong></li>`).join('');
  const missing = result.missingChapters.length ? result.missingChapters.map(escapeHtml).join('、') : escapeHtml(t.none);
  return `<header>
  <h1>${escapeHtml(t.heading)}</h1>
  <p class="title">${escapeHtml(result.title ?? '')} <span class="muted">· ${escapeHtml(result.schema.name)}</span></p>
  <ul class="totals" aria-label="${escapeHtml(t.totals)}">${summary}</ul>
  <p class="facts"><span>${escapeHtml(t.placeholders)}: <strong>${result.placeholders}</strong></span> <span>${escapeHtml(t.missingChapters)}: <strong>${missing}</strong></span></p>
  <div class="actions"><button id="copy" type="button">${escapeHtml(t.copyMarkdown)}</button> <button id="insert" type="button">${escapeHtml(t.insertMarkdown)}</button></div>
</header>
${result.goals.length === 0 ? `<p class="empty">${escapeHtml(t.noGoals)}</p>` : `<table>
<colgroup><col class="c-goal"><col class="c-target"><col class="c-outcome"><col class="c-verdict"></colgroup>
<thead><tr><th scope="col">${escapeHtml(t.goal)}</th><th scope="col">${escapeHtml(t.target)}</th><th scope="col">${escapeHtml(t.outcome)} · ${escapeHtml(t.actual)}</th><th scope="col">${escapeHtml(t.verdict)} · ${escapeHtml(t.achievement)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`}`;
}

const styles = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; margin: 12px 0 4px; }
.title { margin: 0 0 8px; }
.muted, .line, .reason { color: var(--vscode-descriptionForeground); }
.line { margin-left: 6px; font-size: 0.85em; }
.reason { display: block; font-size: 0.85em; margin-top: 2px; }
.totals { list-style: none; display: flex; gap: 16px; padding: 0; margin: 8px 0; flex-wrap: wrap; }
.facts span { margin-right: 16px; }
.actions { margin: 8px 0 12px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible, tr:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.c-goal { width: 32%; } .c-target { width: 18%; } .c-outcome { width: 30%; } .c-verdict { width: 20%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--vscode-editorGroup-border, var(--vscode-panel-border)); }
th { font-weight: 600; color: var(--vscode-descriptionForeground); }
tbody tr { cursor: pointer; }
tbody tr:hover { background: var(--vscode-list-hoverBackground); }
.metric, .figure { display: block; font-weight: 600; }
/* Long sentences are cut to two lines; the full text is in the tooltip and one click away. */
.quote { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.achievement { display: block; margin-top: 4px; }
td { overflow-wrap: anywhere; }
.num { font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; white-space: nowrap; color: var(--vscode-badge-foreground); background: var(--vscode-badge-background); }
.badge.met { color: var(--vscode-editor-background); background: var(--vscode-testing-iconPassed, #388a34); }
.badge.missed { color: var(--vscode-editor-background); background: var(--vscode-testing-iconFailed, #c72e0f); }
.badge.unverifiable { color: var(--vscode-editor-background); background: var(--vscode-editorWarning-foreground, #bf8803); }
.badge.no-outcome { color: var(--vscode-foreground); background: var(--vscode-editorWidget-border, #888); }
meter { width: 100%; max-width: 90px; display: block; }
.rate { font-size: 0.85em; }
.empty { color: var(--vscode-descriptionForeground); }
`;

/**
 * Rows reveal their goal on click, Enter or Space; the buttons export the scorecard; the scroll position
 * survives updates, and the state names the report, for the panel's serializer after a window reload.
 */
const script = `
const vscode = acquireVsCodeApi();
const state = vscode.getState() || {};
const uri = document.body.dataset.uri || state.uri;
window.scrollTo(0, state.scrollY || 0);
vscode.setState({ uri, scrollY: state.scrollY || 0 });
window.addEventListener('scroll', () => vscode.setState({ uri, scrollY: window.scrollY }));
function reveal(row) { vscode.postMessage({ type: 'reveal', line: Number(row.dataset.line), character: Number(row.dataset.character) }); }
for (const row of document.querySelectorAll('tbody tr')) {
  row.addEventListener('click', () => reveal(row));
  row.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); reveal(row); } });
}
document.getElementById('copy')?.addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
document.getElementById('insert')?.addEventListener('click', () => vscode.postMessage({ type: 'insert' }));
`;

/**
 * Where a `reveal` message from the preview asks to go, if it is one a row could have sent: a line of the
 * document (an integer from 0 to `lineCount` − 1) and a character that is a non-negative integer. The
 * webview is another origin: whatever else it posts is ignored.
 */
export function revealTarget(message: unknown, lineCount: number): { line: number; character: number } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, line, character } = message as { type?: unknown; line?: unknown; character?: unknown };
  if (type !== 'reveal' || !Number.isInteger(line) || (line as number) < 0 || (line as number) >= lineCount) return undefined;
  return { line: line as number, character: Number.isInteger(character) && (character as number) >= 0 ? (character as number) : 0 };
}
