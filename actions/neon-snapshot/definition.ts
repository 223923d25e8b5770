import type { CommandDefinition } from '../lib/definition';

export const NEON_API_HOST = 'https://console.neon.tech/api/v2';

export const neonSnapshotDefinition: CommandDefinition = {
  name: 'neon-snapshot',
  cliName: 'snapshot',
  title: 'Neon snapshot',
  description:
    'Branches (or snapshots) a Neon database before a risky deploy, restores it to roll back, and cleans up old ones; gives each pull request its own preview branch, resets it and deletes it.',
  isAction: true,
  inputs: {
    'api-key': { description: 'Neon API key with access to the project.', required: true, secret: true },
    'project-id': { description: 'Neon project id (e.g. `morning-breeze-123456`).', required: true },
    'api-host': {
      description: 'Base URL of the Neon API (override only for tests or proxies).',
      default: NEON_API_HOST,
    },
    mode: {
      description:
        "What to do: `create`, `restore` or `cleanup` (snapshots); `preview` (get or create the pull request's branch, with a read-write compute), `delete` (remove it) or `reset` (bring it back to its parent's current state).",
      default: 'create',
    },
    method: {
      description:
        "`branch` makes a child branch; `snapshot` uses Neon's snapshot API (root branches only, no compute, no `database-url`).",
      default: 'branch',
    },
    branch: {
      description:
        "The protected branch (name or id) to snapshot from or restore into; in preview mode, the parent of a new preview branch. Defaults to the project's default branch.",
    },
    name: {
      description:
        'Name of the snapshot to create. Defaults to `<prefix><environment>/<UTC timestamp>-<short sha>`. Re-running with an existing name reuses it. In preview, delete and reset modes: the branch, by default `<prefix>pr-<pull request number>`.',
    },
    environment: { description: 'Environment name used in the default snapshot name (e.g. `production`).' },
    'expires-in': {
      description: 'Delete the snapshot automatically after this long (e.g. `7d`). Empty: never.',
      // 30 days is the longest expiry Neon's branch-expiration guide describes; keep longer snapshots without one.
      duration: { min: '1m', max: '30d' },
    },
    'restore-from': {
      description: 'Restore mode: the snapshot to restore from, by name or id, or `latest` (newest under `prefix`).',
      default: 'latest',
    },
    'preserve-as': {
      description:
        'Restore mode: name under which the pre-restore state is kept. Defaults to `<branch>_old_<UTC timestamp>`. Reset mode: keep the state before the reset under this name (empty: not kept).',
    },
    prefix: {
      description:
        'Names of snapshots made by this action start with this: `snapshot/` by default, `preview/` in preview, delete and reset modes. Delete mode refuses a branch outside it.',
    },
    keep: { description: 'Cleanup mode: how many of the newest snapshots under `prefix` to keep.', default: '5' },
    'older-than': {
      description: 'Cleanup mode: delete only snapshots older than this (e.g. `7d`). Empty: any age.',
      // Compared with creation times, never given to a timer: a year is a sensible ceiling, not a technical one.
      duration: { min: '1m', max: '365d' },
    },
    'wait-timeout': {
      description: 'How long to wait for Neon operations (and retries while Neon is busy) before failing.',
      default: '5m',
      duration: { min: '1s', max: '6h' },
    },
    'database-name': {
      description: "Database for `database-url`. Defaults to the branch's first database.",
    },
    'role-name': { description: "Role for `database-url`. Defaults to the database's owner." },
    'deployment-url': {
      description: 'Preview mode: URL of the app deployed on the preview branch, linked from the comment.',
    },
    reports: {
      description:
        "Preview mode: paths of Markdown reports of earlier steps (e.g. schema-check's and migrate-with-telemetry's `report` output) to include in the pull request comment, one per line.",
    },
    'github-token': {
      description: 'Preview mode: token used to write the one pull request comment about the preview.',
      default: '${{ github.token }}',
      secret: true,
    },
  },
  outputs: {
    'branch-id': { description: 'Id of the snapshot branch (or snapshot) created or reused.' },
    'branch-name': { description: 'Name of the snapshot branch (or snapshot), or of the restored branch.' },
    created: { description: '`true` when this run created the snapshot, `false` when one of that name existed.' },
    'parent-lsn': { description: 'LSN of the parent branch the snapshot was taken at.' },
    'parent-timestamp': { description: 'Time on the parent branch the snapshot was taken at.' },
    'database-url': { description: 'Connection URL of the snapshot (or preview) branch (masked in logs).' },
    'database-url-pooled': {
      description:
        "Preview mode: the branch's pooled connection URL (Neon's connection pooler, for serverless apps; masked).",
    },
    'restored-branch-id': { description: 'Restore mode: id of the branch that now holds the restored data.' },
    'preserved-branch-id': {
      description: 'Restore and reset modes: id of the branch keeping the previous state (empty when none was kept).',
    },
    deleted: {
      description:
        'Cleanup and delete modes: JSON array of the deleted snapshots or branches, `{id, name, created_at}` (empty when already gone).',
    },
    report: { description: 'Path of the Markdown report.' },
  },
};
