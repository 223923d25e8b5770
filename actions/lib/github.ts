import { readFileSync } from 'node:fs';

/** What the runner tells an action about the workflow run, read from the environment at call time (not import time). */
export interface GitHubEnvironment {
  isActions: boolean;
  apiUrl: string;
  serverUrl: string;
  repository: string;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  eventName: string;
  event: Record<string, unknown>;
  runId: string;
  runAttempt: string;
  job: string;
  workspace: string;
  /** The pull request this run belongs to, when it is one. */
  pullRequest?: PullRequestInfo;
}

export interface PullRequestInfo {
  number: number;
  baseSha?: string;
  headSha?: string;
  /** True when the head lives in another repository: the workflow token cannot write there. */
  fromFork: boolean;
}

export function readGitHubEnvironment(env: NodeJS.ProcessEnv = process.env): GitHubEnvironment {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const event = readEvent(env.GITHUB_EVENT_PATH);
  return {
    isActions: env.GITHUB_ACTIONS === 'true',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repository,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    pullRequest: pullRequestOf(event),
  };
}

function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

interface PullRequestPayload {
  number?: number;
  base?: { sha?: string; repo?: { full_name?: string } };
  head?: { sha?: string; repo?: { full_name?: string } | null };
}

function pullRequestOf(event: Record<string, unknown>): PullRequestInfo | undefined {
  const pr = event.pull_request as PullRequestPayload | undefined;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const baseRepo = pr.base?.repo?.full_name;
  const headRepo = pr.head?.repo?.full_name;
  return {
    number: pr.number,
    baseSha: pr.base?.sha,
    headSha: pr.head?.sha,
    // A deleted fork has no head repo; it is still not ours to write to.
    fromFork: pr.head?.repo === null || (!!headRepo && !!baseRepo && headRepo !== baseRepo),
  };
}
