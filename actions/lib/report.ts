import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { githubClient } from './octokit';
import { errorMessage } from './errors';
import type { GitHubEnvironment } from './github';
import type { Logger } from './logger';
import { syncReviewSuggestions, type ReviewSuggestion } from './review-comments';
import { characterCount, markdownBlocks, markdownLink, markdownTable } from './markdown';

/** GitHub rejects comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface PublishedReport {
  /** Path of the Markdown file (the `report` output). */
  path: string;
  comment: 'created' | 'updated' | 'skipped' | 'none';
}

export interface ReportPublisher {
  publish(report: Report, options?: { comment?: CommentMode }): Promise<PublishedReport>;
  /** Posts fixes as review comments on their lines, where the run is a pull request that allows it. */
  suggest?(suggestions: ReviewSuggestion[]): Promise<void>;
}

export function reportPath(command: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = join(env.RUNNER_TEMP || tmpdir(), 'schema-actions');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${command}-report.md`);
}

/** The hidden marker that identifies one action's comment for one job, so re-runs update it in place. */
export function commentMarker(command: string, job: string): string {
  return `<!-- schema-actions:${command}:${job || 'job'} -->`;
}

/** Where the full report is when a comment had to be shortened: the run's page, which shows its job summaries. */
export function jobSummaryUrl(
  github: Pick<GitHubEnvironment, 'serverUrl' | 'repository' | 'runId'>,
): string | undefined {
  if (!github.runId || !github.repository) return undefined;
  return `${github.serverUrl}/${github.repository}/actions/runs/${github.runId}`;
}

/** A link to a line of a file at a commit, or undefined when the run does not know its repository and commit. */
export function blobUrl(
  github: Pick<GitHubEnvironment, 'serverUrl' | 'repository'>,
  sha: string | undefined,
  path: string,
  line?: number,
): string | undefined {
  if (!github.repository || !sha) return undefined;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${github.serverUrl}/${github.repository}/blob/${sha}/${encoded}${line ? `#L${line}` : ''}`;
}

/**
 * One part of a report. A comment that would exceed GitHub's limit is shortened by whole sections, in the order
 * of `shrink`: diagrams first, then long tables, then details; a section without `shrink` (the verdict, the
 * problems) is never shortened, so what fails the check is always on the pull request.
 */
export interface ReportSection {
  markdown: string;
  shrink?: ShrinkStep;
  /** What stands in for the section once shrunk (a condensed table, a one-line note); absent: it is left out. */
  short?: string;
}

export type ShrinkStep = 'diagram' | 'table' | 'detail';
const SHRINK_ORDER: ShrinkStep[] = ['diagram', 'table', 'detail'];

export type Report = string | ReportSection[];

export function renderSections(report: Report): string {
  if (typeof report === 'string') return report;
  const parts = report.map((s) => s.markdown.trim()).filter(Boolean);
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}

/** Rows beyond this many are "N more in the job summary" in a shortened comment. */
const CONDENSED_ROWS = 10;

/** A table that a shortened comment condenses to its first rows and a count of the rest. */
export function tableSection(heading: string, headers: string[], rows: string[][], noun = 'rows'): ReportSection {
  const full = [heading, markdownTable(headers, rows)].filter(Boolean).join('\n\n');
  if (rows.length <= CONDENSED_ROWS) return { markdown: full };
  const more = `_${rows.length - CONDENSED_ROWS} more ${noun} in the job summary._`;
  const short = [heading, markdownTable(headers, rows.slice(0, CONDENSED_ROWS)), more].filter(Boolean).join('\n\n');
  return { markdown: full, shrink: 'table', short };
}

export interface FitOptions {
  limit?: number;
  /** Characters the caller adds around the body (the marker). */
  reserve?: number;
  summaryUrl?: string;
}

/**
 * The report as a comment GitHub accepts: unchanged when it fits; otherwise shortened by whole sections (see
 * ReportSection), then by whole trailing blocks, never inside a code fence, table or HTML element, with a note
 * linking to the job summary that holds all of it.
 */
export function fitComment(report: Report, options: FitOptions = {}): string {
  const limit = (options.limit ?? GITHUB_COMMENT_LIMIT) - (options.reserve ?? 0);
  const whole = renderSections(report);
  if (characterCount(whole) <= limit) return whole;
  const note = shortenedNote(options.summaryUrl);
  const room = limit - characterCount(note) - 2;
  let sections = typeof report === 'string' ? [{ markdown: report }] : report;
  for (const step of SHRINK_ORDER) {
    sections = sections.map((s) => (s.shrink === step ? { markdown: s.short ?? '' } : s));
    const text = renderSections(sections);
    if (characterCount(text) <= room) return `${text}\n${note}\n`;
  }
  return `${leadingBlocks(renderSections(sections), room)}\n\n${note}\n`;
}

function shortenedNote(summaryUrl: string | undefined): string {
  const where = markdownLink('job summary', summaryUrl);
  return `> [!NOTE]\n> Shortened to fit GitHub's comment limit; the full report is in the ${where}.`;
}

/** As many whole top-level blocks from the start as fit in `room` characters. */
function leadingBlocks(text: string, room: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const block of markdownBlocks(text)) {
    const size = characterCount(block) + 2;
    if (used + size > room) {
      const rows = leadingRows(block, room - used);
      if (rows) kept.push(rows);
      break;
    }
    kept.push(block);
    used += size;
  }
  return kept.join('\n\n');
}

/** A table block cut after its last row that fits, with a count of the rest; undefined for other blocks. */
function leadingRows(block: string, room: number): string | undefined {
  const lines = block.split('\n');
  if (lines.length < 3 || !lines.every((line) => line.startsWith('|'))) return undefined;
  const more = (n: number) => `\n\n_${n} more rows in the job summary._`;
  let used = characterCount(lines[0]!) + characterCount(lines[1]!) + characterCount(more(lines.length)) + 4;
  let end = 2;
  while (end < lines.length && used + characterCount(lines[end]!) + 1 <= room)
    used += characterCount(lines[end++]!) + 1;
  if (end === 2) return undefined;
  return `${lines.slice(0, end).join('\n')}${more(lines.length - end)}`;
}

/**
 * The pull request comment: `true` creates or updates it, `false` leaves it alone, `'update'` only refreshes one
 * an earlier run wrote (so a comment about a failure that is now fixed does not stay stale).
 */
export type CommentMode = boolean | 'update';

/** Publishes to the job summary, a report file and (on pull requests) one sticky comment. */
export class ActionsReportPublisher implements ReportPublisher {
  constructor(
    private readonly command: string,
    private readonly github: GitHubEnvironment,
    private readonly token: string | undefined,
    private readonly logger: Logger,
  ) {}

  async publish(report: Report, options: { comment?: CommentMode } = {}): Promise<PublishedReport> {
    const safe = redactReport(report, this.logger);
    const markdown = renderSections(safe);
    const path = reportPath(this.command);
    writeFileSync(path, markdown);
    // Appended directly (the runner's contract): core.summary caches the path process-wide, which is wrong for
    // in-process tests and gains nothing here.
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, `${markdown.trimEnd()}\n\n`);
    const mode = options.comment ?? true;
    const comment = mode === false ? 'none' : await this.comment(safe, mode === 'update');
    return { path, comment };
  }

  async suggest(suggestions: ReviewSuggestion[]): Promise<void> {
    const pr = this.github.pullRequest;
    const commitId = pr?.headSha;
    // Reasons to skip were already given by publish(); review comments add nothing to say about them.
    if (!pr || pr.fromFork || !this.token || !commitId) return;
    try {
      await syncReviewSuggestions(
        {
          apiUrl: this.github.apiUrl,
          token: this.token,
          owner: this.github.owner,
          repo: this.github.repo,
          pullNumber: pr.number,
          commitId,
          scope: `${this.command}:${this.github.job || 'job'}`,
        },
        suggestions.map((s) => ({ ...s, body: this.logger.secrets.redact(s.body) })),
      );
    } catch (error) {
      this.logger.warning(`Could not update the suggested fixes on the pull request: ${errorMessage(error)}`);
    }
  }

  private async comment(report: Report, updateOnly: boolean): Promise<PublishedReport['comment']> {
    const pr = this.github.pullRequest;
    if (!pr) return 'none';
    if (pr.fromFork) {
      this.logger.notice(
        'Skipping the pull request comment: this pull request comes from a fork, whose token cannot write comments. ' +
          'The report is in the job summary.',
      );
      return 'skipped';
    }
    if (!this.token) {
      this.logger.notice('Skipping the pull request comment: no github-token was given.');
      return 'skipped';
    }
    try {
      return await upsertStickyComment({
        apiUrl: this.github.apiUrl,
        token: this.token,
        owner: this.github.owner,
        repo: this.github.repo,
        issueNumber: pr.number,
        marker: commentMarker(this.command, this.github.job),
        body: report,
        summaryUrl: jobSummaryUrl(this.github),
        updateOnly,
      });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 403 || status === 404) {
        this.logger.notice(
          `Skipping the pull request comment: the token cannot write comments here (HTTP ${status}). ` +
            'Grant `pull-requests: write` to show the report on the pull request.',
        );
        return 'skipped';
      }
      // A comment is a convenience: the verdict is the job's result, so a failing API only warns.
      this.logger.warning(`Could not update the pull request comment: ${errorMessage(error)}`);
      return 'skipped';
    }
  }
}

function redactReport(report: Report, logger: Logger): Report {
  const redact = (text: string) => logger.secrets.redact(text);
  if (typeof report === 'string') return redact(report);
  return report.map((s) => ({
    ...s,
    markdown: redact(s.markdown),
    ...(s.short !== undefined ? { short: redact(s.short) } : {}),
  }));
}

export interface StickyComment {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  body: Report;
  /** Linked from the note of a comment shortened to fit. */
  summaryUrl?: string;
  /** Only update an existing comment; never create one. */
  updateOnly?: boolean;
}

/** Creates or updates the one comment carrying `marker`, looking through every page of comments. */
export async function upsertStickyComment(target: StickyComment): Promise<'created' | 'updated' | 'none'> {
  const octokit = await githubClient(target.token, target.apiUrl);
  const fitted = fitComment(target.body, { reserve: characterCount(target.marker) + 1, summaryUrl: target.summaryUrl });
  const body = `${target.marker}\n${fitted}`;
  const where = { owner: target.owner, repo: target.repo };
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...where,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const existing = comments.find((comment) => comment.body?.includes(target.marker));
  if (existing) {
    await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
    return 'updated';
  }
  if (target.updateOnly) return 'none';
  await octokit.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body });
  return 'created';
}

/** For the CLI: the report goes to stdout for the person who asked, and to a file like in the action. */
export class ConsoleReportPublisher implements ReportPublisher {
  constructor(
    private readonly command: string,
    private readonly logger: Logger,
    private readonly print: (text: string) => void = (text) => process.stdout.write(text),
  ) {}

  async publish(report: Report): Promise<PublishedReport> {
    const markdown = renderSections(redactReport(report, this.logger));
    const path = reportPath(this.command);
    writeFileSync(path, markdown);
    this.print(`${markdown.trimEnd()}\n`);
    return { path, comment: 'none' };
  }
}
