import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export interface UiContext {
  readonly serverUrl: string;
  /** The workspace folder, on the same machine: saved files are read back from disk. */
  readonly workspace: string;
  readonly artifacts: string;
  readonly log: (...args: unknown[]) => void;
}

const report = '系统集成项目总结报告.md';

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Runs a command from the palette by its title, as a writer would. */
async function palette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** A notification with `text`: its toast, or its row in the notification center when no toast shows it within 20 s. */
async function notification(page: Page, text: string, ui: UiContext): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text });
  try {
    await toast.waitFor({ timeout: 20_000 });
    return toast;
  } catch {
    ui.log(`no toast says “${text}”: looking in the notification center`);
    await palette(page, 'Notifications: Show Notifications');
    const row = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
    await row.waitFor({ timeout: 40_000 });
    return row;
  }
}

function problems(page: Page): Locator {
  return page.locator('.markers-panel .monaco-list-row');
}

/** Types into the Problems panel's filter: its list is virtualised, so rows far down are not in the page. */
async function filterProblems(page: Page, text: string): Promise<void> {
  const filter = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
  await filter.fill(text);
}

/**
 * A writer's path: open a report from the Explorer, read its problems, delete a chapter and see the
 * missing-chapter problem, look at the Report Checklist and the Outline, open the goal check, export a
 * report to Word, then write a skeleton into a new empty file and save it.
 */
export async function uiSteps(page: Page, ui: UiContext): Promise<boolean> {
  const shot = (name: string) => page.screenshot({ path: path.join(ui.artifacts, `${name}.png`) });
  await page.goto(`${ui.serverUrl}/?folder=${encodeURIComponent(ui.workspace)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.waitForFunction(() => Boolean((globalThis as unknown as { driver?: unknown }).driver));
  await page.evaluate(() => (globalThis as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored());

  // 1. Open the report from the Explorer.
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${report}"]`);
  await row.click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await page.locator('.tabs-container .tab.active', { hasText: report }).waitFor();
  await editor.waitFor();
  ui.log('report open');

  // 2. The Problems panel lists its placeholders.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
  await problems(page).filter({ hasText: 'XX月' }).first().waitFor({ timeout: 60_000 });
  const placeholderRows = await problems(page).filter({ hasText: 'Placeholder' }).count();
  ui.log('placeholder rows in the Problems panel:', placeholderRows);
  check(placeholderRows > 0, 'no placeholder problems shown');
  await shot('problems-panel');

  // 3. The Report Checklist view in the Explorer.
  const checklist = page.locator('.pane-header', { hasText: 'Report Checklist' });
  await checklist.waitFor();
  if ((await checklist.getAttribute('aria-expanded')) !== 'true') await checklist.click();
  const checklistRows = page.locator('.pane-body .monaco-list-row:has(.codicon-pass)');
  await checklistRows.first().waitFor();
  ui.log('checklist rows present:', await checklistRows.count());
  check(!(await page.locator('.pane-body .monaco-list-row', { hasText: '✓' }).count()), 'a checklist row still carries a ✓ character beside its icon');
  await shot('report-checklist');

  // 3b. The status bar item steps through the placeholders: the selection lands on one (the cursor
  //     status shows a selection of its length).
  const status = page.locator('.statusbar-item', { hasText: 'placeholders' }).first();
  await status.waitFor();
  ui.log('status bar:', await status.innerText());
  await status.click();
  await page.locator('.statusbar-item', { hasText: /\(\d+ selected\)/ }).first().waitFor({ timeout: 15_000 });
  ui.log('status bar click selected a placeholder');

  // 4. Delete 第七章 (lines 115–140): a missing-chapter problem appears.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type('115');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 26; i++) await page.keyboard.press('Control+Shift+K');
  await filterProblems(page, 'Missing required chapter');
  await problems(page).filter({ hasText: 'Missing required chapter' }).first().waitFor({ timeout: 60_000 });
  ui.log('missing-chapter problem shown after deleting 第七章');
  await shot('missing-chapter');
  await page.locator('.part.panel').screenshot({ path: path.join(ui.artifacts, 'docs-problems.png') });
  await filterProblems(page, '');
  await palette(page, 'File: Revert File');

  // 5. The Outline shows the chapters.
  const outlineHeader = page.locator('.pane-header', { hasText: 'Outline' });
  if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
  const chapterRow = page.locator('.monaco-list-row', { hasText: '第一章 引言' }).first();
  await chapterRow.waitFor();
  ui.log('outline shows 第一章 引言');
  await shot('outline');
  await page.locator('.part.sidebar').screenshot({ path: path.join(ui.artifacts, 'docs-outline-checklist.png') });

  // 6. The goal-check preview beside a report with numeric goals.
  await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="bike-share-closure-report.md"]').click();
  await page.locator('.tabs-container .tab.active', { hasText: 'bike-share-closure-report.md' }).waitFor();
  await page.keyboard.press('Control+J');
  await palette(page, 'Report: Check Goals Against Outcomes');
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const rows = preview.locator('tbody tr');
  await rows.first().waitFor({ timeout: 60_000 });
  const rowCount = await rows.count();
  const met = await preview.locator('tbody .badge.met').count();
  ui.log(`goal-check preview: ${rowCount} goals, ${met} met`);
  check(rowCount === 9 && met === 3, `expected 9 goals with 3 met, found ${rowCount} and ${met}`);
  await shot('goal-check');
  await page.locator('.part.editor .editor-group-container').last().screenshot({ path: path.join(ui.artifacts, 'docs-goal-check.png') });

  // 6b. Insert into report: a clean scorecard at the end of the results chapter; save and read it back.
  await preview.locator('#insert').click();
  await page.locator('.tabs-container .tab.dirty', { hasText: 'bike-share-closure-report.md' }).waitFor();
  await page.locator('.tabs-container .tab', { hasText: 'bike-share-closure-report.md' }).click();
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.dirty', { hasText: 'bike-share-closure-report.md' }).waitFor({ state: 'detached' });
  const withScorecard = fs.readFileSync(path.join(ui.workspace, 'bike-share-closure-report.md'), 'utf8').split('\n');
  const header = withScorecard.indexOf('| Metric | Target | Actual | Achievement | Verdict |');
  ui.log(`scorecard inserted at line ${header + 1}`);
  check(header > withScorecard.indexOf('## 3. Results and Benefits') && header < withScorecard.indexOf('## 4. Challenges and Issues'), `scorecard not in the results chapter (line ${header + 1})`);
  const tableEnd = withScorecard.findIndex((l, i) => i > header && !l.startsWith('|'));
  const scorecard = withScorecard.slice(header, tableEnd);
  check(scorecard.length === 2 + 9 && !scorecard.some((l) => /\(line \d+\)|XX/.test(l)), `the scorecard is not a clean table:\n${scorecard.join('\n')}`);
  await rows.first().waitFor();
  check((await rows.count()) === 9, `the goal check reads the inserted scorecard: ${await rows.count()} goals`);
  await shot('scorecard-inserted');

  // 6c. A window reload brings the goal check back (its serializer), with its rows.
  const reloaded = page.waitForEvent('load');
  await palette(page, 'Developer: Reload Window');
  await reloaded;
  await page.locator('.monaco-workbench').waitFor();
  await page.waitForFunction(() => Boolean((globalThis as unknown as { driver?: unknown }).driver));
  await page.evaluate(() => (globalThis as unknown as { driver: { whenWorkbenchRestored(): Promise<void> } }).driver.whenWorkbenchRestored());
  const restored = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('tbody tr');
  await restored.first().waitFor({ timeout: 60_000 });
  ui.log(`goal check restored after a window reload: ${await restored.count()} goals`);
  check((await restored.count()) === 9, 'the restored goal check lost its rows');
  await shot('goal-check-restored');
  await palette(page, 'View: Close All Editor Groups');

  // 6d. The Outline names a report's tables for what they are and gives each goal its verdict.
  await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="智慧园区项目总结报告.md"]').click();
  await page.locator('.tabs-container .tab.active', { hasText: '智慧园区项目总结报告.md' }).waitFor();
  const outlinePane = page.locator('.pane-header', { hasText: 'Outline' });
  if ((await outlinePane.getAttribute('aria-expanded')) !== 'true') await outlinePane.click();
  await page.locator('.monaco-list-row', { hasText: 'KPI table' }).first().waitFor();
  await page.locator('.monaco-list-row', { hasText: '工单响应时间' }).filter({ hasText: 'missed' }).first().waitFor();
  ui.log('outline shows “KPI table” and the goal 工单响应时间 as missed');
  await shot('outline-tables-goals');
  await palette(page, 'View: Close All Editor Groups');

  // 6e. Report: Export to Word on a report with placeholders: the scorecard option, the stop that counts
  //     them, then Export Anyway writes the .docx beside the report (read back from disk).
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${report}"]`).click();
  await page.locator('.tabs-container .tab.active', { hasText: report }).waitFor();
  await palette(page, 'Report: Export to Word');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Export and append the goal scorecard as a table' }).waitFor();
  await shot('export-options');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Export and append the goal scorecard as a table' }).click();
  const stop = await notification(page, 'placeholders are still in the report: not exported.', ui);
  ui.log('export stopped at the placeholders:', await stop.locator('.notification-list-item-message').innerText());
  await shot('export-stopped');
  await stop.locator('.monaco-button', { hasText: 'Export Anyway' }).click();
  await notification(page, 'Exported', ui);
  const docx = path.join(ui.workspace, report.replace(/\.md$/, '.docx'));
  check(fs.existsSync(docx) && fs.readFileSync(docx).subarray(0, 2).toString() === 'PK', `Export Anyway wrote no .docx at ${docx}`);
  ui.log(`exported ${path.basename(docx)}: ${fs.statSync(docx).size} bytes`);
  await shot('export-done');
  await palette(page, 'Notifications: Clear All Notifications');
  await palette(page, 'View: Close All Editor Groups');

  // 7. Insert Chapter Skeleton into a new, empty file (created by the harness), pick the generic schema,
  //    save, and read the file back from disk: Chinese, as its name is, in an English VS Code.
  const name = '新报告.md';
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await palette(page, 'Report: Insert Chapter Skeleton');
  const generic = page.locator('.quick-input-list .monaco-list-row', { hasText: 'generic' }).first();
  await generic.waitFor();
  check(!(await page.locator('.quick-input-list .monaco-list-row', { hasText: 'English' }).count()), 'the file name decides the language, yet the pick offers English');
  await shot('skeleton-schema-pick');
  await generic.click();
  await page.locator('.tabs-container .tab.active.dirty', { hasText: name }).waitFor();
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty', { hasText: name }).waitFor({ state: 'detached' });
  const saved = fs.readFileSync(path.join(ui.workspace, name), 'utf8');
  const chapters = saved.split('\n').filter((line) => line.startsWith('## ')).length;
  ui.log(`saved skeleton: ${saved.length} characters, ${chapters} chapters`);
  check(saved.startsWith('---\nschema: generic\n'), `skeleton front matter missing: ${saved.slice(0, 80)}`);
  check(chapters === 11, `expected 11 chapters, found ${chapters}`);
  check(saved.includes('\n# XX项目总结报告\n'), `the skeleton of 新报告.md is not Chinese: ${saved.slice(0, 120)}`);
  await shot('skeleton');

  // 8. A new untitled file says nothing of its language: the pick offers each kind of report in both.
  await palette(page, 'File: New Untitled Text File');
  await palette(page, 'Report: Insert Chapter Skeleton');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'English' }).first().waitFor();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '中文' }).first().waitFor();
  ui.log('untitled file: the schema pick offers 中文 and English');
  await shot('skeleton-pick-both-languages');
  await page.keyboard.press('Escape');
  await palette(page, 'View: Close All Editor Groups');
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save/ });
  if (await dontSave.count()) await dontSave.click();

  // 9. The extension's page is written for writers. Its pictures ship inside the package, linked relatively:
  //    VS Code 1.139's extension view shows only http(s) pictures, so here their alt text stands in for
  //    them; what matters is that none points at a repository.
  await palette(page, 'Extensions: Show Installed Extensions');
  await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Report Writer' }).first().click();
  const details = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await details.locator('h2', { hasText: '怎么用' }).waitFor({ timeout: 60_000 });
  await details.locator('h2', { hasText: 'For developers' }).waitFor();
  const pictures = await details.locator('img').evaluateAll((elements) => elements.map((img) => img.getAttribute('src') ?? ''));
  ui.log(`extension page: ${pictures.length} pictures, sources ${JSON.stringify(pictures)}`);
  const written = (fs.readFileSync(path.join(process.cwd(), 'EXTENSION.md'), 'utf8').match(/!\[/g) ?? []).length;
  check(pictures.length === written && !pictures.some((src) => /^https?:/.test(src)), `the extension page shows ${pictures.length} of the ${written} pictures of EXTENSION.md, or links pictures outside the package: ${pictures.join(', ')}`);
  await shot('extension-page');
  return true;
}
