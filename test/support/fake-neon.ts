// A fake of the Neon API v2 subset that neon-snapshot calls through @neondatabase/api-client: project, branches,
// branch restore (and reset from parent), branch computes (endpoints), snapshots, operations and connection URIs
// (direct and pooled). Paths, bodies and status codes follow the OpenAPI spec
// the client ships (node_modules/@neondatabase/api-client/public-v2-for-users.gen.yaml). It is backed by real
// PostgreSQL: every branch and snapshot is a database, a child branch is `CREATE DATABASE … TEMPLATE parent`, and a
// restore swaps databases, so the data a connection URI reaches really changes the way it would on Neon.
import { randomBytes } from 'node:crypto';
import { admin, TEST_DATABASE_URL } from './postgres.js';
import { json, startFakeServer } from './http.js';
import type { FakeRequest, FakeResponse, FaultOptions, HangOptions, RecordedRequest } from './http.js';

export type { RecordedRequest } from './http.js';

const API = '/api/v2';

export interface FakeBranch {
  id: string;
  name: string;
  parent_id?: string;
  parent_lsn?: string;
  parent_timestamp?: string;
  default: boolean;
  protected: boolean;
  created_at: string;
  updated_at: string;
  expires_at?: string;
  restored_from?: string;
  /** The real PostgreSQL database holding this branch's data (what its connection URI reaches). */
  database: string;
  /** The role password Neon would hand out; trust auth ignores it, so it only serves masking tests. */
  password: string;
  /** Set on branches made by a snapshot restore that is not finalized yet: the branch it will replace. */
  pendingRestoreOf?: string;
  /** Whether the branch has its read-write compute; without one no connection URI reaches it. */
  endpoint: boolean;
}

export interface FakeSnapshot {
  id: string;
  name: string;
  lsn: string;
  timestamp: string;
  source_branch_id: string;
  created_at: string;
  expires_at?: string;
  manual: boolean;
  database: string;
}

export interface FakeOperation {
  id: string;
  project_id: string;
  branch_id?: string;
  endpoint_id?: string;
  action: string;
  status: 'scheduling' | 'running' | 'finished' | 'failed';
  error?: string;
  failures_count: number;
  created_at: string;
  updated_at: string;
  total_duration_ms: number;
  /** GETs of this operation so far. */
  polls: number;
  /** It finishes (or fails) after this many polls, or once `settleAt` has passed. */
  pollsNeeded: number;
  settleAt?: number;
  willFail?: string;
}

export interface FakeNeonOptions {
  apiKey?: string;
  projectId?: string;
  /** Polls an operation takes to finish (default 2: it is seen running at least once). */
  pollsPerOperation?: number;
  /**
   * Unpolled operations finish after this long anyway, as on Neon, so an aborted run cannot lock the project for
   * good (default 5 s; Infinity keeps them running).
   */
  operationMs?: number;
}

export interface AddBranchOptions {
  /** Parent name or id; default the default branch. Ignored with `root`. */
  parent?: string;
  root?: boolean;
  protected?: boolean;
  /** Backdates the branch, for cleanup tests. */
  createdAt?: Date;
  /** Give it a read-write compute (default true), as the console does. */
  endpoint?: boolean;
}

export interface FakeNeon {
  /** Value for the action's `api-host` input. */
  apiHost: string;
  apiKey: string;
  projectId: string;
  requests: RecordedRequest[];
  operations: FakeOperation[];
  failNext(status: number, opts?: FaultOptions): void;
  hangNext(opts?: HangOptions): void;
  /** The next operation Neon starts ends `failed` with this error. */
  failNextOperation(error?: string): void;
  /** Starts an operation of another client that keeps the project locked (423 on changes) for `ms`. */
  lockFor(ms: number): void;
  branches(): FakeBranch[];
  snapshots(): FakeSnapshot[];
  branch(nameOrId: string): FakeBranch;
  /** Connection URL of a branch's real database, without the fake password. */
  databaseUrl(nameOrId: string): string;
  /** Creates a branch directly (no API call, no operation), for test setup. */
  addBranch(name: string, options?: AddBranchOptions): Promise<FakeBranch>;
  close(): Promise<void>;
}

function isoSeconds(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function neonId(prefix: string): string {
  // Neon ids look like br-morning-breeze-a1b2c3d4; only the shape matters.
  return `${prefix}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

function error(status: number, message: string, code = ''): FakeResponse {
  return json(status, { request_id: randomBytes(8).toString('hex'), code, message });
}

function realDatabaseUrl(database: string, password?: string, pooled = false): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  if (password) url.password = password;
  // Neon's pooler is another host (ep-…-pooler) in front of the same database; `localhost` plays it here.
  if (pooled) url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.toString();
}

/** CREATE/ALTER DATABASE need the source to have no other sessions; pooled clients may reconnect, so retry. */
async function withoutSessions(databases: string[], sql: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await admin(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()',
      [databases],
    );
    try {
      await admin(sql);
      return;
    } catch (err) {
      if (attempt >= 5 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startFakeNeon(options: FakeNeonOptions = {}): Promise<FakeNeon> {
  const apiKey = options.apiKey ?? `napi_${randomBytes(24).toString('hex')}`;
  const projectId = options.projectId ?? 'fake-project-123456';
  const pollsPerOperation = options.pollsPerOperation ?? 2;
  const operationMs = options.operationMs ?? 5_000;
  const run = `sa_neon_${process.pid}_${randomBytes(3).toString('hex')}`;
  let databaseCounter = 0;
  const created = new Set<string>();
  const branches: FakeBranch[] = [];
  const snapshots: FakeSnapshot[] = [];
  const operations: FakeOperation[] = [];
  const operationFailures: string[] = [];
  const roleName = decodeURIComponent(new URL(TEST_DATABASE_URL).username || 'postgres');
  const projectCreatedAt = isoSeconds(new Date(Date.now() - 86_400_000));

  const newDatabaseName = () => `${run}_${++databaseCounter}`;
  async function copyDatabase(template: string): Promise<string> {
    const name = newDatabaseName();
    await withoutSessions([template], `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    created.add(name);
    return name;
  }
  async function dropDatabase(name: string): Promise<void> {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    created.delete(name);
  }
  async function currentLsn(): Promise<string> {
    return String((await admin('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn);
  }

  function findBranch(nameOrId: string): FakeBranch | undefined {
    return branches.find((b) => b.id === nameOrId) ?? branches.find((b) => b.name === nameOrId);
  }

  function settle(op: FakeOperation): void {
    if (op.status === 'finished' || op.status === 'failed') return;
    if (op.polls >= op.pollsNeeded || (op.settleAt !== undefined && Date.now() >= op.settleAt)) {
      op.status = op.willFail ? 'failed' : 'finished';
      if (op.willFail) op.error = op.willFail;
      op.updated_at = new Date().toISOString();
      op.total_duration_ms = Date.now() - Date.parse(op.created_at);
    } else if (op.polls > 0) {
      op.status = 'running';
    }
  }

  function startOperation(action: string, branchId?: string): FakeOperation {
    const now = new Date().toISOString();
    const op: FakeOperation = {
      id: crypto.randomUUID(),
      project_id: projectId,
      branch_id: branchId,
      endpoint_id: action.endsWith('_compute') && branchId ? `ep-${branchId.slice(3)}` : undefined,
      action,
      status: 'scheduling',
      failures_count: 0,
      created_at: now,
      updated_at: now,
      total_duration_ms: 0,
      polls: 0,
      pollsNeeded: pollsPerOperation,
      settleAt: Date.now() + operationMs,
      willFail: operationFailures.shift(),
    };
    operations.push(op);
    return op;
  }

  function publicOperation(op: FakeOperation): object {
    const { polls: _p, pollsNeeded: _n, settleAt: _s, willFail: _w, ...visible } = op;
    return visible;
  }

  /** Neon refuses changes while an operation of the project is still running. */
  function locked(): FakeResponse | undefined {
    for (const op of operations) settle(op);
    const running = operations.some((op) => op.status === 'scheduling' || op.status === 'running');
    if (!running) return undefined;
    return error(423, 'project already has running conflicting operations, scheduling of new ones is prohibited');
  }

  function publicBranch(branch: FakeBranch): object {
    const { database: _d, password: _p, pendingRestoreOf: _r, endpoint: _e, ...visible } = branch;
    return {
      ...visible,
      project_id: projectId,
      current_state: 'ready',
      state_changed_at: branch.updated_at,
      creation_source: 'console',
      primary: branch.default,
      cpu_used_sec: 0,
      compute_time_seconds: 0,
      active_time_seconds: 0,
      written_data_bytes: 0,
      data_transfer_bytes: 0,
      init_source: 'parent-data',
    };
  }

  function endpointOf(branch: FakeBranch): object {
    return {
      id: `ep-${branch.id.slice(3)}`,
      host: '127.0.0.1',
      branch_id: branch.id,
      project_id: projectId,
      type: 'read_write',
      current_state: 'idle',
      created_at: branch.created_at,
      updated_at: branch.updated_at,
    };
  }

  function neonDatabase(branch: FakeBranch): object {
    return {
      id: Number.parseInt(branch.id.slice(-6), 16),
      branch_id: branch.id,
      name: 'neondb',
      owner_name: roleName,
      created_at: branch.created_at,
      updated_at: branch.updated_at,
    };
  }

  function connectionUri(branch: FakeBranch, pooled = false): string {
    return realDatabaseUrl(branch.database, branch.password, pooled);
  }

  async function makeBranch(
    name: string,
    parent: FakeBranch | undefined,
    extra: Partial<FakeBranch> = {},
    database?: string,
  ): Promise<FakeBranch> {
    const now = isoSeconds();
    const branch: FakeBranch = {
      id: neonId('br'),
      name,
      parent_id: parent?.id,
      parent_lsn: parent ? await currentLsn() : undefined,
      parent_timestamp: parent ? now : undefined,
      default: false,
      protected: false,
      created_at: now,
      updated_at: now,
      database: database ?? (parent ? await copyDatabase(parent.database) : ''),
      password: `npg_${randomBytes(9).toString('base64url')}`,
      endpoint: true,
      ...extra,
    };
    if (!branch.database) {
      branch.database = newDatabaseName();
      await admin(`CREATE DATABASE "${branch.database}"`);
      created.add(branch.database);
    }
    branches.push(branch);
    return branch;
  }

  const server = await startFakeServer({
    notFoundBody: { code: '', message: 'not found' },
    guard: (req) => {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return error(401, 'authentication required');
      const project = /^\/api\/v2\/projects\/([^/]+)/.exec(req.path)?.[1];
      if (project !== undefined && decodeURIComponent(project) !== projectId) return error(404, 'project not found');
      return undefined;
    },
  });

  const route = (method: string, path: string, handler: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>) =>
    server.route(method, `${API}/projects/:project_id${path}`, handler);
  const branchOr404 = (req: FakeRequest) => branches.find((b) => b.id === req.params.branch_id);

  route('GET', '', () =>
    json(200, {
      project: {
        id: projectId,
        name: 'fake-app',
        platform_id: 'aws',
        region_id: 'aws-eu-central-1',
        pg_version: 17,
        proxy_host: '127.0.0.1',
        store_passwords: true,
        creation_source: 'console',
        history_retention_seconds: 86400,
        created_at: projectCreatedAt,
        updated_at: projectCreatedAt,
        owner_id: 'fake-owner',
        org_id: 'org-fake',
      },
    }),
  );

  route('GET', '/operations/:operation_id', (req) => {
    const op = operations.find((o) => o.id === req.params.operation_id);
    if (!op) return error(404, 'operation not found');
    op.polls += 1;
    settle(op);
    return json(200, { operation: publicOperation(op) });
  });

  route('GET', '/branches', (req) => {
    const search = req.query.search ?? '';
    const sortBy = (req.query.sort_by ?? 'updated_at') as 'name' | 'created_at' | 'updated_at';
    const order = req.query.sort_order === 'asc' ? 1 : -1;
    const matching = branches
      .filter((b) => !search || b.name.includes(search) || b.id.includes(search))
      .sort((a, b) => order * (a[sortBy] < b[sortBy] ? -1 : a[sortBy] > b[sortBy] ? 1 : a.id < b.id ? -1 : 1));
    const start = req.query.cursor ? matching.findIndex((b) => b.id === req.query.cursor) + 1 : 0;
    const limit = Math.min(Number(req.query.limit ?? 10_000), 10_000);
    const page = matching.slice(start, start + limit);
    const more = start + limit < matching.length;
    return json(200, {
      branches: page.map(publicBranch),
      annotations: {},
      pagination: {
        ...(more ? { next: page[page.length - 1]?.id } : {}),
        sort_by: sortBy,
        sort_order: order > 0 ? 'ASC' : 'DESC',
      },
    });
  });

  route('GET', '/branches/:branch_id', (req) => {
    const branch = branchOr404(req);
    return branch ? json(200, { branch: publicBranch(branch) }) : error(404, 'branch not found');
  });

  route('POST', '/branches', async (req) => {
    const body = (req.body ?? {}) as {
      branch?: { parent_id?: string; name?: string; expires_at?: string; protected?: boolean };
      endpoints?: { type: string }[];
    };
    const spec = body.branch ?? {};
    const parent = spec.parent_id ? branches.find((b) => b.id === spec.parent_id) : branches.find((b) => b.default);
    if (!parent) return error(404, `branch ${spec.parent_id} not found`);
    const name = spec.name ?? `br-${randomBytes(3).toString('hex')}`;
    if (branches.some((b) => b.name === name)) return error(409, `branch with name "${name}" already exists`);
    if (spec.expires_at !== undefined && !(Date.parse(spec.expires_at) > Date.now())) {
      return error(400, 'expires_at must be a timestamp in RFC 3339 format in the future');
    }
    const isLocked = locked();
    if (isLocked) return isLocked;
    const branch = await makeBranch(name, parent, {
      protected: spec.protected ?? false,
      endpoint: (body.endpoints ?? []).some((e) => e.type === 'read_write'),
      ...(spec.expires_at ? { expires_at: spec.expires_at } : {}),
    });
    const ops = [startOperation('create_timeline', branch.id)];
    const endpoints = (body.endpoints ?? []).map(() => endpointOf(branch));
    if (endpoints.length) ops.push(startOperation('start_compute', branch.id));
    return json(201, {
      branch: publicBranch(branch),
      endpoints,
      operations: ops.map(publicOperation),
      roles: [
        {
          branch_id: branch.id,
          name: roleName,
          protected: false,
          created_at: branch.created_at,
          updated_at: branch.updated_at,
        },
      ],
      databases: [neonDatabase(branch)],
      connection_uris: endpoints.length
        ? [
            {
              connection_uri: connectionUri(branch),
              connection_parameters: {
                database: 'neondb',
                password: branch.password,
                role: roleName,
                host: '127.0.0.1',
                pooler_host: '127.0.0.1',
              },
            },
          ]
        : [],
    });
  });

  route('DELETE', '/branches/:branch_id', async (req) => {
    const branch = branchOr404(req);
    if (!branch) return error(404, 'branch not found');
    if (branch.default) return error(400, 'cannot delete the default branch');
    if (!branch.parent_id) return error(400, 'cannot delete the root branch');
    if (branch.protected) return error(400, 'cannot delete a protected branch');
    if (branches.some((b) => b.parent_id === branch.id)) return error(400, 'cannot delete a branch that has children');
    const isLocked = locked();
    if (isLocked) return isLocked;
    branches.splice(branches.indexOf(branch), 1);
    await dropDatabase(branch.database);
    const ops = [startOperation('suspend_compute', branch.id), startOperation('delete_timeline', branch.id)];
    return json(200, { branch: publicBranch(branch), operations: ops.map(publicOperation) });
  });

  route('POST', '/branches/:branch_id/restore', async (req) => {
    const target = branchOr404(req);
    if (!target) return error(404, 'branch not found');
    const body = (req.body ?? {}) as { source_branch_id?: string; preserve_under_name?: string };
    const source = branches.find((b) => b.id === body.source_branch_id);
    if (!source) return error(400, 'source_branch_id: branch not found');
    if (source.id === target.id) {
      return error(400, 'restoring a branch from its own history needs source_lsn or source_timestamp (not faked)');
    }
    const preserve = body.preserve_under_name;
    const hasChildren = branches.some((b) => b.parent_id === target.id);
    if (hasChildren && !preserve) {
      return error(400, 'preserve_under_name is required when the branch has children');
    }
    if (preserve && branches.some((b) => b.name === preserve)) {
      return error(409, `branch with name "${preserve}" already exists`);
    }
    const isLocked = locked();
    if (isLocked) return isLocked;
    const ops = [startOperation('create_timeline', target.id)];
    const restoredData = await copyDatabase(source.database);
    if (preserve) {
      // The old state moves to a new branch; the target keeps its id and its connection string (database name).
      const oldData = newDatabaseName();
      await withoutSessions([target.database], `ALTER DATABASE "${target.database}" RENAME TO "${oldData}"`);
      created.add(oldData);
      const preserved = await makeBranch(
        preserve,
        undefined,
        { parent_id: target.parent_id, endpoint: false },
        oldData,
      );
      for (const child of branches) if (child.parent_id === target.id) child.parent_id = preserved.id;
      ops.push(startOperation('create_branch', preserved.id));
    } else {
      await dropDatabase(target.database);
    }
    await withoutSessions([restoredData], `ALTER DATABASE "${restoredData}" RENAME TO "${target.database}"`);
    created.delete(restoredData);
    created.add(target.database);
    target.restored_from = source.id;
    target.updated_at = isoSeconds();
    ops.push(startOperation('start_compute', target.id));
    return json(200, { branch: publicBranch(target), operations: ops.map(publicOperation) });
  });

  route('POST', '/branches/:branch_id/snapshot', async (req) => {
    const branch = branchOr404(req);
    if (!branch) return error(404, 'branch not found');
    if (branch.parent_id) return error(400, 'snapshots can only be created from root branches');
    const expiresAt = req.query.expires_at;
    if (expiresAt !== undefined && !(Date.parse(expiresAt) > Date.now())) {
      return error(400, 'expires_at must be a timestamp in RFC 3339 format in the future');
    }
    const isLocked = locked();
    if (isLocked) return isLocked;
    const now = isoSeconds();
    const snapshot: FakeSnapshot = {
      id: neonId('snap'),
      name: req.query.name ?? `${branch.name} snapshot ${now}`,
      lsn: await currentLsn(),
      timestamp: now,
      source_branch_id: branch.id,
      created_at: now,
      ...(expiresAt ? { expires_at: expiresAt } : {}),
      manual: true,
      database: await copyDatabase(branch.database),
    };
    snapshots.push(snapshot);
    const { database: _d, ...visible } = snapshot;
    return json(200, {
      snapshot: visible,
      operations: [publicOperation(startOperation('create_timeline', branch.id))],
    });
  });

  route('GET', '/snapshots', () => json(200, { snapshots: snapshots.map(({ database: _d, ...visible }) => visible) }));

  route('DELETE', '/snapshots/:snapshot_id', async (req) => {
    const snapshot = snapshots.find((s) => s.id === req.params.snapshot_id);
    if (!snapshot) return error(404, 'snapshot not found');
    const isLocked = locked();
    if (isLocked) return isLocked;
    snapshots.splice(snapshots.indexOf(snapshot), 1);
    await dropDatabase(snapshot.database);
    return json(200, { operations: [publicOperation(startOperation('delete_timeline'))] });
  });

  async function finalize(restored: FakeBranch, preserveAs: string | undefined): Promise<FakeResponse> {
    const original = branches.find((b) => b.id === restored.pendingRestoreOf);
    if (!original) return error(400, 'branch was not created by a snapshot restore, or is already finalized');
    const isLocked = locked();
    if (isLocked) return isLocked;
    // Computes move to the restored branch: swap the databases so the original connection string reaches it.
    const swap = newDatabaseName();
    const [a, b] = [original.database, restored.database];
    await withoutSessions([a, b], `ALTER DATABASE "${a}" RENAME TO "${swap}"`);
    await withoutSessions([b], `ALTER DATABASE "${b}" RENAME TO "${a}"`);
    await withoutSessions([swap], `ALTER DATABASE "${swap}" RENAME TO "${b}"`);
    original.database = b;
    restored.database = a;
    const originalName = original.name;
    original.name = preserveAs ?? `${originalName} (old)`;
    restored.name = originalName;
    restored.default = original.default;
    original.default = false;
    delete restored.pendingRestoreOf;
    const now = isoSeconds();
    original.updated_at = now;
    restored.updated_at = now;
    return json(200, { operations: [publicOperation(startOperation('start_compute', restored.id))] });
  }

  route('POST', '/snapshots/:snapshot_id/restore', async (req) => {
    const snapshot = snapshots.find((s) => s.id === req.params.snapshot_id);
    if (!snapshot) return error(404, 'snapshot not found');
    const body = (req.body ?? {}) as { name?: string; target_branch_id?: string; finalize_restore?: boolean };
    const target = branches.find((b) => b.id === (body.target_branch_id ?? snapshot.source_branch_id));
    if (!target) return error(400, 'target branch not found');
    const name = body.name ?? req.query.name ?? `${snapshot.name} (restored)`;
    if (branches.some((b) => b.name === name)) return error(409, `branch with name "${name}" already exists`);
    const isLocked = locked();
    if (isLocked) return isLocked;
    const restored = await makeBranch(
      name,
      undefined,
      { parent_id: target.parent_id, pendingRestoreOf: target.id },
      await copyDatabase(snapshot.database),
    );
    const ops = [startOperation('create_timeline', restored.id)];
    if (body.finalize_restore) {
      const finalized = await finalize(restored, undefined);
      if (finalized.status !== 200) return finalized;
    }
    return json(200, { branch: publicBranch(restored), operations: ops.map(publicOperation) });
  });

  route('POST', '/branches/:branch_id/finalize_restore', async (req) => {
    const branch = branchOr404(req);
    if (!branch) return error(404, 'branch not found');
    return finalize(branch, (req.body as { name?: string } | undefined)?.name);
  });

  route('GET', '/branches/:branch_id/endpoints', (req) => {
    const branch = branchOr404(req);
    if (!branch) return error(404, 'branch not found');
    return json(200, { endpoints: branch.endpoint ? [endpointOf(branch)] : [] });
  });

  route('POST', '/endpoints', (req) => {
    const spec = ((req.body ?? {}) as { endpoint?: { branch_id?: string; type?: string } }).endpoint ?? {};
    const branch = branches.find((b) => b.id === spec.branch_id);
    if (!branch) return error(404, `branch ${spec.branch_id} not found`);
    if (spec.type !== 'read_write' && spec.type !== 'read_only') return error(400, 'endpoint type is required');
    if (spec.type === 'read_write' && branch.endpoint) {
      return error(409, 'a branch can have only one read-write endpoint');
    }
    const isLocked = locked();
    if (isLocked) return isLocked;
    branch.endpoint = true;
    return json(201, {
      endpoint: endpointOf(branch),
      operations: [publicOperation(startOperation('start_compute', branch.id))],
    });
  });

  route('GET', '/branches/:branch_id/databases', (req) => {
    const branch = branchOr404(req);
    return branch ? json(200, { databases: [neonDatabase(branch)] }) : error(404, 'branch not found');
  });

  route('GET', '/connection_uri', (req) => {
    const branch = branches.find((b) => b.id === req.query.branch_id) ?? branches.find((b) => b.default);
    if (!branch) return error(404, 'branch not found');
    if (req.query.database_name !== 'neondb') return error(404, `database "${req.query.database_name}" not found`);
    if (req.query.role_name !== roleName) return error(404, `role "${req.query.role_name}" not found`);
    if (!branch.endpoint) return error(404, `read-write endpoint not found for branch ${branch.id}`);
    return json(200, { uri: connectionUri(branch, req.query.pooled === 'true') });
  });

  await makeBranch('main', undefined, { default: true, protected: true });

  return {
    apiHost: `${server.url}${API}`,
    apiKey,
    projectId,
    requests: server.requests,
    operations,
    failNext: (status, opts) => server.failNext(status, opts),
    hangNext: (opts) => server.hangNext(opts),
    failNextOperation(message = 'timeline creation failed: pageserver returned 500') {
      operationFailures.push(message);
    },
    lockFor(ms) {
      const op = startOperation('apply_config');
      op.pollsNeeded = Number.POSITIVE_INFINITY;
      if (op.willFail) operationFailures.unshift(op.willFail);
      op.willFail = undefined;
      op.settleAt = Date.now() + ms;
    },
    branches: () => branches.map((b) => ({ ...b })),
    snapshots: () => snapshots.map((s) => ({ ...s })),
    branch(nameOrId) {
      const branch = findBranch(nameOrId);
      if (!branch) throw new Error(`fake Neon has no branch ${nameOrId}`);
      return { ...branch };
    },
    databaseUrl(nameOrId) {
      const branch = findBranch(nameOrId);
      if (!branch) throw new Error(`fake Neon has no branch ${nameOrId}`);
      return realDatabaseUrl(branch.database);
    },
    async addBranch(name, opts = {}) {
      const parent = opts.root ? undefined : (findBranch(opts.parent ?? '') ?? branches.find((b) => b.default));
      const extra: Partial<FakeBranch> = { protected: opts.protected ?? false, endpoint: opts.endpoint ?? true };
      if (opts.createdAt) {
        extra.created_at = isoSeconds(opts.createdAt);
        extra.updated_at = extra.created_at;
      }
      return { ...(await makeBranch(name, parent, extra)) };
    },
    async close() {
      await server.close();
      for (const name of [...created]) await dropDatabase(name);
    },
  };
}
