import type { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * A REST client for the GitHub API. @actions/github and its HTTP stack (octokit, undici) are loaded here, when a run
 * first talks to GitHub, so an action that never comments does not parse them at start-up.
 */
export async function githubClient(token: string, apiUrl: string): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, { baseUrl: apiUrl });
}
