import type { Api, Branch, Endpoint, Operation, Snapshot } from '@neondatabase/api-client';
import { formatDuration } from '../lib/duration';
import { cancellation, CancelledError, ConfigurationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { secretsInUrl } from '../lib/secrets';
import { parseRetryAfter } from '../lib/retry-after';
import { withRetry, type RetryVerdict } from '../lib/retry';

/** Statuses after which an operation will not change any more. */
const SUCCEEDED = new Set(['finished', 'skipped']);
const FAILED = new Set(['failed', 'error', 'cancelled', 'cancelling']);

const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 3_000;
const REQUEST_TIMEOUT_MS = 30_000;

interface HttpFailure {
  status?: number;
  headers: Record<string, unknown>;
  message?: string;
  code?: string;
}

/** What axios (under the Neon client) throws, read without depending on axios's types. */
function httpFailure(error: unknown): HttpFailure | undefined {
  if (typeof error !== 'object' || error === null || !('isAxiosError' in error)) return undefined;
  const e = error as { response?: { status?: number; headers?: object; data?: unknown }; code?: string };
  const data = e.response?.data as { message?: unknown } | undefined;
  return {
    status: e.response?.status,
    headers: (e.response?.headers ?? {}) as Record<string, unknown>,
    message: typeof data?.message === 'string' ? data.message : undefined,
    code: e.code,
  };
}

/** Waits `ms`, or less when `signal` aborts (a cancelled job stops polling at once). */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export interface NeonSettings {
  apiKey: string;
  apiHost: string;
  projectId: string;
  waitTimeoutMs: number;
}

/**
 * The Neon API as this action needs it: every call retried while Neon is locked (423), rate limiting (429) or
 * failing (5xx), within wait-timeout; a wrong key or project turned into one line the user can act on; and the
 * operations each change starts awaited, so the next step sees a finished branch.
 */
export class NeonProject {
  private constructor(
    private readonly api: Api<unknown>,
    private readonly settings: NeonSettings,
    private readonly logger: Logger,
    /** The job's cancellation: operation polling stops, and a branch already created is named. */
    private readonly signal?: AbortSignal,
  ) {}

  /** Loads Neon's client (axios and all) only once the inputs are known to be good. */
  static async open(settings: NeonSettings, logger: Logger, signal?: AbortSignal): Promise<NeonProject> {
    const { createApiClient } = await import('@neondatabase/api-client');
    const api = createApiClient({ apiKey: settings.apiKey, baseURL: settings.apiHost, timeout: REQUEST_TIMEOUT_MS });
    return new NeonProject(api, settings, logger, signal);
  }

  get id(): string {
    return this.settings.projectId;
  }

  /** Checks the key and the project up front, so a typo fails before anything changes. */
  async check(): Promise<{ name: string }> {
    try {
      const { project } = await this.call('read the project', () => this.api.getProject(this.id));
      return { name: project.name };
    } catch (error) {
      if (httpFailure(error)?.status === 404 || (error as { status?: number }).status === 404) {
        throw new ConfigurationError(
          `Neon project "${this.id}" was not found (HTTP 404): check project-id (Settings → General in the Neon console) and that the api-key's account can see it`,
        );
      }
      throw error;
    }
  }

  async branches(): Promise<Branch[]> {
    const all: Branch[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.call('list branches', () =>
        this.api.listProjectBranches({ projectId: this.id, limit: 100, cursor }),
      );
      all.push(...page.branches);
      const next = page.pagination?.next;
      if (!next || page.branches.length === 0 || next === cursor) return all;
      cursor = next;
    }
  }

  async branch(branchId: string): Promise<Branch> {
    return (await this.call('read the branch', () => this.api.getProjectBranch(this.id, branchId))).branch;
  }

  async createBranch(parent: Branch, name: string, expiresAt: string | undefined): Promise<Branch> {
    const response = await this.call(
      `create branch "${name}"`,
      () =>
        this.api.createProjectBranch(this.id, {
          branch: { parent_id: parent.id, name, ...(expiresAt ? { expires_at: expiresAt } : {}) },
          // A compute, as `neonctl branches create` makes, so the snapshot can be inspected through database-url.
          endpoints: [{ type: 'read_write' as never }],
        }),
      // A 5xx may come after Neon created the branch: look before creating a second one of the same name.
      async () => {
        const existing = (await this.branches()).find((b) => b.name === name);
        return existing ? { branch: existing, operations: [], endpoints: [], roles: [], databases: [] } : undefined;
      },
    );
    for (const uri of response.connection_uris ?? []) this.maskUri(uri.connection_uri);
    try {
      await this.waitFor(response.operations, `create branch "${name}"`);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      throw new Error(
        `${error.message}: branch "${name}" (${response.branch.id}) was already created and its operations may still be running; a re-run reuses it by name, or delete it in the Neon console`,
        { cause: error },
      );
    }
    return this.branch(response.branch.id);
  }

  /** Deletes the branch; false when it was already gone (HTTP 404: deleted meanwhile, or by a retried call). */
  async deleteBranch(branch: Branch): Promise<boolean> {
    let response;
    try {
      response = await this.call(`delete branch "${branch.name}"`, () =>
        this.api.deleteProjectBranch({ projectId: this.id, branchId: branch.id }),
      );
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
    await this.waitFor(response.operations, `delete branch "${branch.name}"`);
    return true;
  }

  /** Gives the branch a read-write compute when it has none (a branch made elsewhere without one), and waits. */
  async ensureReadWriteEndpoint(branch: Branch): Promise<void> {
    if (await this.readWriteEndpoint(branch)) return;
    this.logger.info(`Branch "${branch.name}" has no read-write compute: adding one`);
    const response = await this.call(
      `add a compute to "${branch.name}"`,
      () =>
        this.api.createProjectEndpoint(this.id, { endpoint: { branch_id: branch.id, type: 'read_write' as never } }),
      async () => {
        const made = await this.readWriteEndpoint(branch);
        return made ? { endpoint: made, operations: [] } : undefined;
      },
    );
    await this.waitFor(response.operations, `add a compute to "${branch.name}"`);
  }

  private async readWriteEndpoint(branch: Branch): Promise<Endpoint | undefined> {
    const { endpoints } = await this.call('list the branch computes', () =>
      this.api.listProjectBranchEndpoints(this.id, branch.id),
    );
    return endpoints.find((e) => e.type === ('read_write' as never));
  }

  /** Neon's branch restore: `target` gets `source`'s head; its previous state stays as `preserveAs` when given. */
  async restoreBranch(target: Branch, source: Branch, preserveAs: string | undefined): Promise<void> {
    const response = await this.call(
      `restore "${target.name}" from "${source.name}"`,
      () =>
        this.api.restoreProjectBranch(this.id, target.id, {
          source_branch_id: source.id,
          ...(preserveAs ? { preserve_under_name: preserveAs } : {}),
        }),
      // Without a preserved branch there is nothing to see a half-answered restore by: retrying it is harmless.
      preserveAs
        ? async () =>
            (await this.branches()).some((b) => b.name === preserveAs) ? { branch: target, operations: [] } : undefined
        : undefined,
    );
    await this.waitFor(response.operations, `restore "${target.name}"`);
  }

  async snapshots(): Promise<Snapshot[]> {
    return (await this.call('list snapshots', () => this.api.listSnapshots(this.id))).snapshots;
  }

  async createSnapshot(branch: Branch, name: string, expiresAt: string | undefined): Promise<Snapshot> {
    const response = await this.call(
      `create snapshot "${name}"`,
      () =>
        this.api.createSnapshot({
          projectId: this.id,
          branchId: branch.id,
          name,
          ...(expiresAt ? { expires_at: expiresAt } : {}),
        }),
      async () => {
        const existing = (await this.snapshots()).find((s) => s.name === name);
        return existing ? { snapshot: existing, operations: [] } : undefined;
      },
    );
    await this.waitFor(response.operations, `create snapshot "${name}"`);
    return response.snapshot;
  }

  async deleteSnapshot(snapshot: Snapshot): Promise<void> {
    const response = await this.call(`delete snapshot "${snapshot.name}"`, () =>
      this.api.deleteSnapshot(this.id, snapshot.id),
    );
    await this.waitFor(response.operations, `delete snapshot "${snapshot.name}"`);
  }

  /**
   * Restores a snapshot into a new branch, then finalizes: the new branch takes `target`'s name and computes and
   * `target` is renamed to `preserveAs`. Returns the new branch's id.
   */
  async restoreSnapshot(target: Branch, snapshot: Snapshot, preserveAs: string): Promise<string> {
    const restored = await this.call(`restore snapshot "${snapshot.name}"`, () =>
      this.api.restoreSnapshot(
        { projectId: this.id, snapshotId: snapshot.id },
        { name: `${target.name}_restoring`, target_branch_id: target.id, finalize_restore: false },
      ),
    );
    await this.waitFor(restored.operations, `restore snapshot "${snapshot.name}"`);
    const finalized = await this.call(`finalize the restore of "${target.name}"`, () =>
      this.api.finalizeRestoreBranch(this.id, restored.branch.id, { name: preserveAs }),
    );
    await this.waitFor(finalized.operations, `finalize the restore of "${target.name}"`);
    return restored.branch.id;
  }

  /**
   * A connection URL for the branch (through Neon's connection pooler when `pooled`); its password and the URL
   * itself are masked before returning.
   */
  async connectionUri(branch: Branch, databaseName?: string, roleName?: string, pooled = false): Promise<string> {
    let database = databaseName;
    let role = roleName;
    if (!database || !role) {
      const { databases } = await this.call('list databases', () =>
        this.api.listProjectBranchDatabases(this.id, branch.id),
      );
      const chosen = databases.find((d) => d.name === database) ?? (database ? undefined : databases[0]);
      if (!chosen) {
        throw new ConfigurationError(
          `branch "${branch.name}" has no database named "${database ?? ''}"; set database-name to one of: ${databases.map((d) => d.name).join(', ') || '(none)'}`,
        );
      }
      database = chosen.name;
      role ??= chosen.owner_name;
    }
    const { uri } = await this.call('read the connection URI', () =>
      this.api.getConnectionUri({
        projectId: this.id,
        branch_id: branch.id,
        database_name: database,
        role_name: role,
        ...(pooled ? { pooled: true } : {}),
      }),
    );
    this.maskUri(uri);
    return uri;
  }

  private maskUri(uri: string): void {
    for (const secret of secretsInUrl(uri)) this.logger.mask(secret);
    this.logger.mask(uri);
  }

  /** Polls until every operation has finished; fails on the first failed one, or when wait-timeout runs out. */
  async waitFor(operations: Operation[], what: string): Promise<void> {
    const started = Date.now();
    const pending = new Map<string, Operation>();
    for (const op of operations) if (!this.settle(op, what)) pending.set(op.id, op);
    let interval = FIRST_POLL_MS;
    while (pending.size > 0) {
      if (this.signal?.aborted) throw cancellation(this.signal);
      const left = started + this.settings.waitTimeoutMs - Date.now();
      if (left <= 0) {
        const list = [...pending.values()].map((op) => `${op.action} ${op.id} (${op.status})`).join(', ');
        throw new Error(
          `${what}: Neon operations still running after wait-timeout ${formatDuration(this.settings.waitTimeoutMs)}: ${list}; they may still finish — check the Neon console, or raise wait-timeout`,
        );
      }
      await sleep(Math.min(interval, left), this.signal);
      if (this.signal?.aborted) throw cancellation(this.signal);
      interval = Math.min(interval * 2, MAX_POLL_MS);
      for (const id of [...pending.keys()]) {
        const { operation } = await this.call('read an operation', () => this.api.getProjectOperation(this.id, id));
        if (this.settle(operation, what)) pending.delete(id);
        else pending.set(id, operation);
      }
    }
  }

  /** True when the operation is done; throws when it failed. */
  private settle(op: Operation, what: string): boolean {
    if (SUCCEEDED.has(op.status)) return true;
    if (FAILED.has(op.status)) {
      throw new Error(
        `${what}: Neon operation ${op.action} (${op.id}) ${op.status}${op.error ? `: ${op.error}` : ''}; nothing else was attempted`,
      );
    }
    this.logger.debug(`${what}: operation ${op.action} ${op.id} is ${op.status}`);
    return false;
  }

  /**
   * One API call with Neon's documented retry rules: 423 and 503 are always safe to retry, 429 after Retry-After,
   * other 5xx with backoff, all within wait-timeout. `recover`, run before each retry, detects a change a failed
   * response did make anyway.
   */
  private call<T>(
    what: string,
    request: () => Promise<{ data: T }>,
    recover?: () => Promise<T | undefined>,
  ): Promise<T> {
    return withRetry(
      {
        attempts: MAX_ATTEMPTS,
        firstDelayMs: FIRST_RETRY_MS,
        maxDelayMs: MAX_RETRY_MS,
        budgetMs: this.settings.waitTimeoutMs,
        decide: (error) => this.verdict(what, error),
        giveUp: (error, stop) =>
          neonHttpError(what, httpFailure(error)!, ` (gave up after ${stop.attempts} attempt(s))`),
        onRetry: (error, waitMs) => {
          const failure = httpFailure(error)!;
          this.logger.info(
            `${what}: Neon answered HTTP ${failure.status}${failure.message ? ` (${failure.message})` : ''}; retrying in ${formatDuration(waitMs)}`,
          );
        },
      },
      async (attempt) => {
        if (attempt.number > 1 && recover) {
          const recovered = await recover();
          if (recovered !== undefined) return recovered;
        }
        return (await request()).data;
      },
    );
  }

  /** Which failures are worth another attempt; the others become one line the user can act on. */
  private verdict(what: string, error: unknown): RetryVerdict {
    const failure = httpFailure(error);
    if (!failure) return { retry: false, error };
    const status = failure.status;
    if (status === undefined && (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT')) {
      return {
        retry: false,
        error: new Error(`${what}: the Neon API did not answer within ${formatDuration(REQUEST_TIMEOUT_MS)}`),
      };
    }
    if (status === undefined) {
      return {
        retry: false,
        error: new ConfigurationError(
          `cannot reach the Neon API at ${this.settings.apiHost} (${failure.code ?? 'no response'}): check api-host and the network`,
        ),
      };
    }
    if (status === 401 || status === 403) {
      return {
        retry: false,
        error: new ConfigurationError(
          `Neon rejected the API key (HTTP ${status}${failure.message ? `: ${failure.message}` : ''}): set api-key to a valid Neon API key with access to project ${this.id}`,
        ),
      };
    }
    if (status === 423 || status === 429 || status >= 500) {
      return {
        retry: true,
        retryAfterMs: status === 429 ? parseRetryAfter(failure.headers['retry-after']) : undefined,
      };
    }
    return { retry: false, error: neonHttpError(what, failure, '') };
  }
}

function neonHttpError(what: string, failure: HttpFailure, gaveUp: string): Error {
  const reason = failure.message ? `: ${failure.message}` : '';
  return Object.assign(new Error(`${what}: Neon answered HTTP ${failure.status}${reason}${gaveUp}`), {
    status: failure.status,
  });
}
