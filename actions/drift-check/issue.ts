import { githubClient } from '../lib/octokit';
import { fitComment } from '../lib/report';

export interface DriftIssueTarget {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  environment: string;
}

export type DriftIssueAction = 'opened' | 'updated' | 'closed' | 'none';

export interface DriftIssueResult {
  action: DriftIssueAction;
  number?: number;
  url?: string;
}

/** The hidden marker that ties an issue to one environment, so each run finds the same issue again. */
export function driftIssueMarker(environment: string): string {
  return `<!-- schema-actions:drift-check:${environment.replace(/-->/g, '')} -->`;
}

export const DRIFT_LABEL = 'schema-drift';

/**
 * Keeps one open issue per environment in step with the drift found: opens it when drift appears, rewrites its body
 * while drift persists, and closes it with a comment once the database matches its migrations again. The issue is
 * found by its hidden marker among all open issues (every page), so renaming it or removing its label does not
 * create duplicates.
 */
export async function syncDriftIssue(
  target: DriftIssueTarget,
  drift: { found: boolean; title: string; body: string; resolvedComment: string },
): Promise<DriftIssueResult> {
  const octokit = await githubClient(target.token, target.apiUrl);
  const where = { owner: target.owner, repo: target.repo };
  const marker = driftIssueMarker(target.environment);
  const open = await octokit.paginate(octokit.rest.issues.listForRepo, { ...where, state: 'open', per_page: 100 });
  const existing = open.find((issue) => !issue.pull_request && issue.body?.includes(marker));
  const body = fitComment(`${marker}\n${drift.body}`);
  if (drift.found) {
    if (existing) {
      await octokit.rest.issues.update({ ...where, issue_number: existing.number, title: drift.title, body });
      return { action: 'updated', number: existing.number, url: existing.html_url };
    }
    const created = await octokit.rest.issues.create({ ...where, title: drift.title, body, labels: [DRIFT_LABEL] });
    return { action: 'opened', number: created.data.number, url: created.data.html_url };
  }
  if (!existing) return { action: 'none' };
  await octokit.rest.issues.createComment({ ...where, issue_number: existing.number, body: drift.resolvedComment });
  await octokit.rest.issues.update({
    ...where,
    issue_number: existing.number,
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', number: existing.number, url: existing.html_url };
}
