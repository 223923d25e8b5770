import { githubClient } from './octokit';

/** A pull request review comment on lines of a file, identified across pushes by `key`. */
export interface ReviewSuggestion {
  /** Repository-relative path. */
  path: string;
  startLine?: number;
  line: number;
  key: string;
  body: string;
}

export interface ReviewTarget {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit the lines belong to. */
  commitId: string;
  /** Names this action's and job's comments, e.g. `schema-check:check`. */
  scope: string;
}

export interface ReviewSync {
  created: number;
  updated: number;
  deleted: number;
}

const markerOf = (scope: string, key: string) => `<!-- schema-actions:suggestion:${scope}:${key} -->`;

/**
 * Makes the pull request's review comments from this scope exactly `suggestions`: one per key, its body updated in
 * place when it still sits on the same lines (the key covers the statement's text, so the lines still read the
 * same after a push), moved (deleted and posted again) when the lines moved, and deleted
 * when the finding is gone, so pushes never pile up duplicates.
 */
export async function syncReviewSuggestions(
  target: ReviewTarget,
  suggestions: ReviewSuggestion[],
): Promise<ReviewSync> {
  const octokit = await githubClient(target.token, target.apiUrl);
  const where = { owner: target.owner, repo: target.repo };
  const prefix = `<!-- schema-actions:suggestion:${target.scope}:`;
  const existing = (
    await octokit.paginate(octokit.rest.pulls.listReviewComments, {
      ...where,
      pull_number: target.pullNumber,
      per_page: 100,
    })
  ).filter((c) => c.body.startsWith(prefix));
  const result: ReviewSync = { created: 0, updated: 0, deleted: 0 };
  const kept = new Set<number>();
  for (const suggestion of suggestions) {
    const body = `${markerOf(target.scope, suggestion.key)}\n${suggestion.body}`;
    const mine = existing.find((c) => c.body.startsWith(markerOf(target.scope, suggestion.key)) && !kept.has(c.id));
    const sameLines =
      mine?.path === suggestion.path &&
      mine.line === suggestion.line &&
      (mine.start_line ?? undefined) === suggestion.startLine;
    if (mine && sameLines) {
      kept.add(mine.id);
      if (mine.body !== body) {
        await octokit.rest.pulls.updateReviewComment({ ...where, comment_id: mine.id, body });
        result.updated++;
      }
      continue;
    }
    await octokit.rest.pulls.createReviewComment({
      ...where,
      pull_number: target.pullNumber,
      commit_id: target.commitId,
      path: suggestion.path,
      body,
      line: suggestion.line,
      side: 'RIGHT',
      ...(suggestion.startLine !== undefined ? { start_line: suggestion.startLine, start_side: 'RIGHT' as const } : {}),
    });
    result.created++;
  }
  for (const stale of existing.filter((c) => !kept.has(c.id))) {
    await octokit.rest.pulls.deleteReviewComment({ ...where, comment_id: stale.id });
    result.deleted++;
  }
  return result;
}
