// A fake of the GitHub REST API subset the actions use through @actions/github (octokit): issue comments, pull
// request review comments and issues of one repository. Shapes, validation errors, pagination and auth failures follow api.github.com so
// that code passing here behaves the same against the real API.
import { json, startFakeServer } from './http.js';
import type { FakeRequest, FakeResponse, FaultOptions, HangOptions, RecordedRequest, RouteHandler } from './http.js';

export type { RecordedRequest } from './http.js';

export interface GitHubUser {
  login: string;
  id: number;
  node_id: string;
  type: 'User' | 'Bot';
}

export interface Label {
  id: number;
  node_id: string;
  name: string;
  color: string;
  default: boolean;
  description: string | null;
}

export interface Comment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: GitHubUser;
  author_association: string;
  created_at: string;
  updated_at: string;
}

export interface Issue {
  id: number;
  node_id: string;
  number: number;
  url: string;
  html_url: string;
  comments_url: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: Label[];
  user: GitHubUser;
  comments: number;
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** A pull request review comment, as GET /repos/{owner}/{repo}/pulls/comments/{id} returns it. */
export interface ReviewComment {
  id: number;
  node_id: string;
  pull_request_review_id: number;
  url: string;
  html_url: string;
  pull_request_url: string;
  diff_hunk: string;
  path: string;
  commit_id: string;
  original_commit_id: string;
  body: string;
  user: GitHubUser;
  author_association: string;
  created_at: string;
  updated_at: string;
  line: number;
  original_line: number;
  side: 'LEFT' | 'RIGHT';
  start_line: number | null;
  original_start_line: number | null;
  start_side: 'LEFT' | 'RIGHT' | null;
  subject_type: 'line';
}

export interface IssueSeed {
  number?: number;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  labels?: string[];
  user?: string;
}

export interface FakeGitHubOptions {
  /** owner/name the fake serves; other repositories answer 404 like a repo the token cannot see. */
  repository?: string;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  /** Comments per issue or pull request number, oldest first. */
  comments: Map<number, Comment[]>;
  /** Review comments per pull request number, oldest first. */
  reviewComments: Map<number, ReviewComment[]>;
  issues: Issue[];
  failNext(status: number, opts?: FaultOptions): void;
  hangNext(opts?: HangOptions): void;
  /** Makes POST/PATCH/PUT/DELETE answer 403 like the read-only token of a pull request from a fork. */
  denyWrites(message?: string): void;
  addComment(issueNumber: number, body: string, user?: string): Comment;
  addIssue(partial?: IssueSeed): Issue;
  /** Adds or replaces an endpoint, for tests that need one beyond the built-in subset. */
  route(method: string, pattern: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const WEB = 'https://github.com';
const BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', type: 'Bot' };
/** GitHub rejects comment and issue bodies longer than this many characters. */
export const MAX_BODY_CHARS = 65536;

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const REPO = '/repos/:owner/:repo';

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const repository = opts.repository ?? 'acme/app';
  const state = new RepoState(repository);
  let denyMessage: string | undefined;

  const server = await startFakeServer({
    notFoundBody: notFound().body,
    guard(req) {
      if (!req.headers.authorization)
        return json(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
      if (!isThisRepo(req, repository)) return notFound();
      if (denyMessage !== undefined && WRITE_METHODS.has(req.method)) {
        return json(403, { message: denyMessage, documentation_url: DOCS, status: '403' });
      }
      if (WRITE_METHODS.has(req.method) && typeof req.body === 'string') {
        return json(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
      }
      return undefined;
    },
  });

  const routes: Array<[string, string, RouteHandler]> = [
    ['GET', `${REPO}/issues/:number/comments`, (req) => listComments(state, req)],
    ['POST', `${REPO}/issues/:number/comments`, (req) => createComment(state, req)],
    ['GET', `${REPO}/issues/comments/:id`, (req) => withComment(state, req, (c) => json(200, c))],
    ['PATCH', `${REPO}/issues/comments/:id`, (req) => updateComment(state, req)],
    ['DELETE', `${REPO}/issues/comments/:id`, (req) => deleteComment(state, req)],
    ['GET', `${REPO}/pulls/:number/comments`, (req) => listReviewComments(state, req)],
    ['POST', `${REPO}/pulls/:number/comments`, (req) => createReviewComment(state, req)],
    ['GET', `${REPO}/pulls/comments/:id`, (req) => withReviewComment(state, req, (c) => json(200, c))],
    ['PATCH', `${REPO}/pulls/comments/:id`, (req) => updateReviewComment(state, req)],
    ['DELETE', `${REPO}/pulls/comments/:id`, (req) => deleteReviewComment(state, req)],
    ['GET', `${REPO}/issues`, (req) => listIssues(state, req)],
    ['POST', `${REPO}/issues`, (req) => createIssue(state, req)],
    ['GET', `${REPO}/issues/:number`, (req) => withIssue(state, req, (i) => json(200, i))],
    ['PATCH', `${REPO}/issues/:number`, (req) => updateIssue(state, req)],
  ];
  for (const [method, pattern, handler] of routes) server.route(method, pattern, handler);

  return {
    url: server.url,
    requests: server.requests,
    comments: state.comments,
    reviewComments: state.reviewComments,
    issues: state.issues,
    failNext: (status, faultOpts) => server.failNext(status, faultOpts),
    hangNext: (hangOpts) => server.hangNext(hangOpts),
    denyWrites(message = 'Resource not accessible by integration') {
      denyMessage = message;
    },
    addComment: (issueNumber, body, user) => state.addComment(issueNumber, body, user ? person(user) : BOT),
    addIssue: (partial = {}) => state.addIssue(partial),
    route: (method, pattern, handler) => server.route(method, pattern, handler),
    close: () => server.close(),
  };
}

/** The repository's data and id allocation. Ids, numbers and timestamps only ever grow, as on GitHub. */
class RepoState {
  readonly comments = new Map<number, Comment[]>();
  readonly reviewComments = new Map<number, ReviewComment[]>();
  readonly issues: Issue[] = [];
  private readonly labels = new Map<string, Label>();
  // Comment ids and issue ids live in different ranges so that code mixing up id and number fails loudly.
  private nextCommentId = 1_000_001;
  private nextReviewCommentId = 2_000_001;
  private nextReviewId = 3_000_001;
  private nextIssueId = 5_000_001;
  private nextLabelId = 9_000_001;
  private clock = Date.parse('2025-01-01T00:00:00Z');

  constructor(readonly repository: string) {}

  now(): string {
    this.clock += 1000; // one second apart, so created/updated order is observable
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  addComment(issueNumber: number, body: string, user: GitHubUser): Comment {
    const id = this.nextCommentId++;
    const at = this.now();
    const comment: Comment = {
      id,
      node_id: nodeId('IC_', id),
      url: `https://api.github.com/repos/${this.repository}/issues/comments/${id}`,
      html_url: `${WEB}/${this.repository}/issues/${issueNumber}#issuecomment-${id}`,
      issue_url: `https://api.github.com/repos/${this.repository}/issues/${issueNumber}`,
      body,
      user,
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: at,
      updated_at: at,
    };
    const list = this.comments.get(issueNumber) ?? [];
    list.push(comment);
    this.comments.set(issueNumber, list);
    const issue = this.findIssue(issueNumber);
    if (issue) issue.comments = list.length;
    return comment;
  }

  addReviewComment(pullNumber: number, input: ReviewCommentInput, user: GitHubUser): ReviewComment {
    const id = this.nextReviewCommentId++;
    const at = this.now();
    const pull = `https://api.github.com/repos/${this.repository}/pulls/${pullNumber}`;
    const comment: ReviewComment = {
      id,
      node_id: nodeId('PRRC_', id),
      // Each comment posted on its own comes with its own single-comment review, as on GitHub.
      pull_request_review_id: this.nextReviewId++,
      url: `https://api.github.com/repos/${this.repository}/pulls/comments/${id}`,
      html_url: `${WEB}/${this.repository}/pull/${pullNumber}#discussion_r${id}`,
      pull_request_url: pull,
      diff_hunk: `@@ -0,0 +1,${input.line} @@`,
      path: input.path,
      commit_id: input.commit_id,
      original_commit_id: input.commit_id,
      body: input.body,
      user,
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: at,
      updated_at: at,
      line: input.line,
      original_line: input.line,
      side: input.side ?? 'RIGHT',
      start_line: input.start_line ?? null,
      original_start_line: input.start_line ?? null,
      start_side: input.start_line ? (input.start_side ?? input.side ?? 'RIGHT') : null,
      subject_type: 'line',
    };
    const list = this.reviewComments.get(pullNumber) ?? [];
    list.push(comment);
    this.reviewComments.set(pullNumber, list);
    return comment;
  }

  findReviewComment(id: number): { list: ReviewComment[]; index: number } | undefined {
    for (const list of this.reviewComments.values()) {
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) return { list, index };
    }
    return undefined;
  }

  addIssue(seed: IssueSeed): Issue {
    const number = seed.number ?? this.nextNumber();
    const id = this.nextIssueId++;
    const at = this.now();
    const closed = seed.state === 'closed';
    const issue: Issue = {
      id,
      node_id: nodeId('I_', id),
      number,
      url: `https://api.github.com/repos/${this.repository}/issues/${number}`,
      html_url: `${WEB}/${this.repository}/issues/${number}`,
      comments_url: `https://api.github.com/repos/${this.repository}/issues/${number}/comments`,
      title: seed.title ?? `Issue ${number}`,
      body: seed.body ?? null,
      state: closed ? 'closed' : 'open',
      state_reason: closed ? 'completed' : null,
      labels: (seed.labels ?? []).map((name) => this.label(name)),
      user: seed.user ? person(seed.user) : BOT,
      comments: this.comments.get(number)?.length ?? 0,
      locked: false,
      created_at: at,
      updated_at: at,
      closed_at: closed ? at : null,
    };
    this.issues.push(issue);
    return issue;
  }

  findIssue(number: number): Issue | undefined {
    return this.issues.find((i) => i.number === number);
  }

  findComment(id: number): { issueNumber: number; list: Comment[]; index: number } | undefined {
    for (const [issueNumber, list] of this.comments) {
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) return { issueNumber, list, index };
    }
    return undefined;
  }

  label(name: string): Label {
    const existing = this.labels.get(name.toLowerCase());
    if (existing) return existing;
    const id = this.nextLabelId++;
    const label: Label = { id, node_id: nodeId('LA_', id), name, color: 'ededed', default: false, description: null };
    this.labels.set(name.toLowerCase(), label);
    return label;
  }

  private nextNumber(): number {
    // Issues and pull requests share one number sequence; numbers already used by comments count as taken.
    const used = [...this.issues.map((i) => i.number), ...this.comments.keys()];
    return Math.max(0, ...used) + 1;
  }
}

// ---- comments ----

function listComments(state: RepoState, req: FakeRequest): FakeResponse {
  const since = req.query.since ? Date.parse(req.query.since) : undefined;
  const all = (state.comments.get(Number(req.params.number)) ?? []).filter(
    (c) => since === undefined || Date.parse(c.updated_at) >= since,
  );
  return paginate(req, all);
}

function createComment(state: RepoState, req: FakeRequest): FakeResponse {
  const invalid = validateBody(req.body, 'IssueComment', true);
  if (invalid) return invalid;
  const body = (req.body as { body: string }).body;
  return json(201, state.addComment(Number(req.params.number), body, BOT));
}

function updateComment(state: RepoState, req: FakeRequest): FakeResponse {
  return withComment(state, req, (comment) => {
    const invalid = validateBody(req.body, 'IssueComment', true);
    if (invalid) return invalid;
    comment.body = (req.body as { body: string }).body;
    comment.updated_at = state.now();
    return json(200, comment);
  });
}

function deleteComment(state: RepoState, req: FakeRequest): FakeResponse {
  const found = state.findComment(Number(req.params.id));
  if (!found) return notFound();
  found.list.splice(found.index, 1);
  const issue = state.findIssue(found.issueNumber);
  if (issue) issue.comments = found.list.length;
  return { status: 204 };
}

function withComment(state: RepoState, req: FakeRequest, then: (c: Comment) => FakeResponse): FakeResponse {
  const found = state.findComment(Number(req.params.id));
  const comment = found?.list[found.index];
  return comment ? then(comment) : notFound();
}

// ---- pull request review comments ----

interface ReviewCommentInput {
  body: string;
  commit_id: string;
  path: string;
  line: number;
  side?: 'LEFT' | 'RIGHT';
  start_line?: number;
  start_side?: 'LEFT' | 'RIGHT';
}

function listReviewComments(state: RepoState, req: FakeRequest): FakeResponse {
  return paginate(req, state.reviewComments.get(Number(req.params.number)) ?? []);
}

/** GitHub's checks on a new review comment: body, commit_id, path and line required; start_line before line. */
function createReviewComment(state: RepoState, req: FakeRequest): FakeResponse {
  const invalid = validateBody(req.body, 'PullRequestReviewComment', true);
  if (invalid) return invalid;
  const input = (req.body ?? {}) as Partial<Record<keyof ReviewCommentInput, unknown>>;
  for (const field of ['commit_id', 'path'] as const) {
    if (typeof input[field] !== 'string' || input[field] === '') {
      return validationFailed('PullRequestReviewComment', { field, code: 'missing_field' });
    }
  }
  if (!Number.isInteger(input.line) || (input.line as number) < 1) {
    return validationFailed('PullRequestReviewComment', { field: 'line', code: 'missing_field' });
  }
  for (const field of ['side', 'start_side'] as const) {
    if (input[field] !== undefined && input[field] !== 'LEFT' && input[field] !== 'RIGHT') {
      return validationFailed('PullRequestReviewComment', { field, code: 'invalid', value: input[field] });
    }
  }
  if (
    input.start_line !== undefined &&
    (!Number.isInteger(input.start_line) || (input.start_line as number) >= (input.line as number))
  ) {
    return unprocessable('pull_request_review_thread.start_line must precede the end line.');
  }
  return json(201, state.addReviewComment(Number(req.params.number), input as unknown as ReviewCommentInput, BOT));
}

function updateReviewComment(state: RepoState, req: FakeRequest): FakeResponse {
  return withReviewComment(state, req, (comment) => {
    const invalid = validateBody(req.body, 'PullRequestReviewComment', true);
    if (invalid) return invalid;
    comment.body = (req.body as { body: string }).body;
    comment.updated_at = state.now();
    return json(200, comment);
  });
}

function deleteReviewComment(state: RepoState, req: FakeRequest): FakeResponse {
  const found = state.findReviewComment(Number(req.params.id));
  if (!found) return notFound();
  found.list.splice(found.index, 1);
  return { status: 204 };
}

function withReviewComment(state: RepoState, req: FakeRequest, then: (c: ReviewComment) => FakeResponse): FakeResponse {
  const found = state.findReviewComment(Number(req.params.id));
  const comment = found?.list[found.index];
  return comment ? then(comment) : notFound();
}

/** A 422 whose message GitHub puts in `errors` as plain strings (how it reports review-thread problems). */
function unprocessable(message: string): FakeResponse {
  return json(422, { message: 'Unprocessable Entity', errors: [message], documentation_url: DOCS, status: '422' });
}

// ---- issues ----

function listIssues(state: RepoState, req: FakeRequest): FakeResponse {
  const wantedState = req.query.state ?? 'open';
  if (!['open', 'closed', 'all'].includes(wantedState)) {
    return validationFailed('Issue', { field: 'state', code: 'invalid', value: wantedState });
  }
  const wantedLabels = (req.query.labels ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const matching = state.issues.filter(
    (issue) =>
      (wantedState === 'all' || issue.state === wantedState) &&
      wantedLabels.every((w) => issue.labels.some((l) => l.name.toLowerCase() === w)),
  );
  return paginate(req, sortIssues(matching, req.query.sort ?? 'created', req.query.direction ?? 'desc'));
}

function sortIssues(issues: Issue[], sort: string, direction: string): Issue[] {
  const key = (i: Issue): number =>
    sort === 'updated' ? Date.parse(i.updated_at) : sort === 'comments' ? i.comments : i.id;
  const sign = direction === 'asc' ? 1 : -1;
  return [...issues].sort((a, b) => sign * (key(a) - key(b)));
}

function createIssue(state: RepoState, req: FakeRequest): FakeResponse {
  const input = (req.body ?? {}) as Record<string, unknown>;
  const title = input.title;
  if (typeof title !== 'string' && typeof title !== 'number') {
    return validationFailed('Issue', { field: 'title', code: 'missing_field' });
  }
  const invalid = validateBody(req.body, 'Issue', false);
  if (invalid) return invalid;
  const issue = state.addIssue({
    title: String(title),
    body: typeof input.body === 'string' ? input.body : null,
    labels: labelNames(input.labels),
  });
  return json(201, issue);
}

function updateIssue(state: RepoState, req: FakeRequest): FakeResponse {
  return withIssue(state, req, (issue) => {
    const input = (req.body ?? {}) as Record<string, unknown>;
    const invalid = validateIssuePatch(input) ?? validateBody(req.body, 'Issue', false);
    if (invalid) return invalid;
    applyIssuePatch(state, issue, input);
    return json(200, issue);
  });
}

function validateIssuePatch(input: Record<string, unknown>): FakeResponse | undefined {
  if ('state' in input && input.state !== 'open' && input.state !== 'closed') {
    return validationFailed('Issue', { field: 'state', code: 'invalid', value: input.state });
  }
  if ('title' in input && (input.title === null || input.title === '')) {
    return validationFailed('Issue', { field: 'title', code: 'missing_field' });
  }
  return undefined;
}

function applyIssuePatch(state: RepoState, issue: Issue, input: Record<string, unknown>): void {
  const at = state.now();
  if (typeof input.title === 'string' || typeof input.title === 'number') issue.title = String(input.title);
  if ('body' in input) issue.body = typeof input.body === 'string' ? input.body : null;
  if ('labels' in input) issue.labels = labelNames(input.labels).map((name) => state.label(name));
  if (input.state === 'closed' && issue.state === 'open') {
    issue.state = 'closed';
    issue.closed_at = at;
    issue.state_reason = typeof input.state_reason === 'string' ? input.state_reason : 'completed';
  } else if (input.state === 'open' && issue.state === 'closed') {
    issue.state = 'open';
    issue.closed_at = null;
    issue.state_reason = 'reopened';
  }
  issue.updated_at = at;
}

function withIssue(state: RepoState, req: FakeRequest, then: (i: Issue) => FakeResponse): FakeResponse {
  const issue = state.findIssue(Number(req.params.number));
  return issue ? then(issue) : notFound();
}

function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((l: unknown) => (typeof l === 'string' ? l : (l as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string' && name !== '');
}

// ---- shared GitHub behaviour ----

/**
 * Pages like GitHub: per_page defaults to 30 and is capped at 100, pages count from 1, and a Link header names
 * first/prev/next/last with absolute URLs that keep the other query parameters, which is what octokit follows.
 */
function paginate<T>(req: FakeRequest, items: T[]): FakeResponse {
  const requested = Number.parseInt(req.query.per_page ?? '', 10);
  const perPage = Number.isNaN(requested) || requested < 1 ? 30 : Math.min(requested, 100);
  const page = Math.max(1, Number.parseInt(req.query.page ?? '', 10) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(req, page, lastPage);
  return json(200, slice, link ? { link } : undefined);
}

function linkHeader(req: FakeRequest, page: number, lastPage: number): string | undefined {
  const href = (target: number): string => {
    const url = new URL(req.path, req.baseUrl);
    for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
    url.searchParams.set('page', String(target));
    return url.toString();
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`<${href(page - 1)}>; rel="prev"`);
  if (page < lastPage) parts.push(`<${href(page + 1)}>; rel="next"`, `<${href(lastPage)}>; rel="last"`);
  if (page > 1) parts.push(`<${href(1)}>; rel="first"`);
  return parts.length ? parts.join(', ') : undefined;
}

/** GitHub's checks on `body`: required for comments, a string, at most 65,536 characters. */
function validateBody(payload: unknown, resource: string, required: boolean): FakeResponse | undefined {
  const body = (payload as { body?: unknown } | undefined)?.body;
  if (body === undefined || body === null) {
    return required ? validationFailed(resource, { field: 'body', code: 'missing_field' }) : undefined;
  }
  if (typeof body !== 'string') return validationFailed(resource, { field: 'body', code: 'invalid' });
  // GitHub counts characters (code points), not UTF-16 units.
  if (Array.from(body).length > MAX_BODY_CHARS) {
    return validationFailed(resource, {
      field: 'body',
      code: 'custom',
      message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
    });
  }
  return undefined;
}

function validationFailed(resource: string, error: Record<string, unknown>): FakeResponse {
  return json(422, {
    message: 'Validation Failed',
    errors: [{ resource, ...error }],
    documentation_url: DOCS,
    status: '422',
  });
}

function notFound(): FakeResponse {
  return json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

function isThisRepo(req: FakeRequest, repository: string): boolean {
  const { owner, repo } = req.params;
  if (owner === undefined || repo === undefined) return true; // not a repository route; routing decides
  return `${owner}/${repo}`.toLowerCase() === repository.toLowerCase();
}

function person(login: string): GitHubUser {
  const id = 100_000 + [...login].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  return { login, id, node_id: nodeId('U_', id), type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}kw${Buffer.from(String(id)).toString('base64url')}`;
}
