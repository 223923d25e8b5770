import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { errorMessage } from './errors';
import type { GitHubEnvironment } from './github';
import type { Logger } from './logger';

/** GitHub rejects comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface PublishedReport {
  /** Path of the Markdown file (the `report` output). */
  path: string;
  comment: 'created' | 'updated' | 'skipped' | 'none';
}

export interface ReportPublisher {
  publish(markdown: string, options?: { comment?: boolean }): Promise<PublishedReport>;
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

/** Cuts a comment body below GitHub's limit, keeping the marker and saying what was cut. */
export function fitComment(body: string, limit = GITHUB_COMMENT_LIMIT): string {
  if (body.length < limit) return body;
  const note = (omitted: number) =>
    `\n\n---\n> ⚠️ Report truncated: ${omitted} characters omitted to stay under GitHub's comment limit. ` +
    'The full report is in the job summary.';
  const keep = limit - note(body.length).length - 16;
  return body.slice(0, keep) + note(body.length - keep);
}

/** Publishes to the job summary, a report file and (on pull requests) one sticky comment. */
export class ActionsReportPublisher implements ReportPublisher {
  constructor(
    private readonly command: string,
    private readonly github: GitHubEnvironment,
    private readonly token: string | undefined,
    private readonly logger: Logger,
  ) {}

  async publish(markdown: string, options: { comment?: boolean } = {}): Promise<PublishedReport> {
    const safe = this.logger.secrets.redact(markdown);
    const path = reportPath(this.command);
    writeFileSync(path, safe);
    // Appended directly (the runner's contract): core.summary caches the path process-wide, which is wrong for
    // in-process tests and gains nothing here.
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, `${safe.trimEnd()}\n\n`);
    const comment = options.comment === false ? 'none' : await this.comment(safe);
    return { path, comment };
  }

  private async comment(markdown: string): Promise<PublishedReport['comment']> {
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
        body: markdown,
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

export interface StickyComment {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  body: string;
}

/** Creates or updates the one comment carrying `marker`, looking through every page of comments. */
export async function upsertStickyComment(target: StickyComment): Promise<'created' | 'updated'> {
  const octokit = getOctokit(target.token, { baseUrl: target.apiUrl });
  const body = fitComment(`${target.marker}\n${target.body}`);
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

  async publish(markdown: string): Promise<PublishedReport> {
    const safe = this.logger.secrets.redact(markdown);
    const path = reportPath(this.command);
    writeFileSync(path, safe);
    this.print(`${safe.trimEnd()}\n`);
    return { path, comment: 'none' };
  }
}
