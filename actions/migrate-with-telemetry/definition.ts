import type { CommandDefinition } from '../lib/definition';
import { projectInputs, transactionInput } from '../lib/project-inputs';

export const migrateDefinition: CommandDefinition = {
  name: 'migrate-with-telemetry',
  cliName: 'migrate',
  title: 'Migrate with telemetry',
  description:
    "Applies pending Drizzle migrations without prompts, safely: an advisory lock so concurrent runs apply each migration once, verification of the ledger against the files before anything changes, lock and statement timeouts, a circuit breaker that cancels and rolls back, and Drizzle's own ledger rows. Reports to Grafana Loki, PagerDuty and OpenTelemetry, best-effort.",
  isAction: true,
  inputs: {
    mode: {
      description:
        'migrate; plan: output the matrix of shards for a fleet of targets; summary: merge the shard results in results-dir and fail if any database failed.',
      default: 'migrate',
    },
    'database-url': {
      description:
        'PostgreSQL URL of the database to migrate (postgres://user:password@host:5432/db). Required unless targets is given.',
      secret: true,
    },
    targets: {
      description:
        'Several PostgreSQL URLs to migrate, one per line (instead of database-url). Each is migrated and reported on its own.',
      secret: true,
    },
    'targets-file': {
      description: 'A file with one PostgreSQL URL per line, read like targets (e.g. written from a secret).',
    },
    shards: {
      description: 'Number of shards a fleet of targets is split into (1-256), in plan mode and with shard.',
      default: '1',
    },
    shard: {
      description:
        'Migrate only this shard (0 to shards-1) of the targets: each database is in the shard its label hashes to.',
    },
    'results-dir': {
      description: "summary mode: the folder the migrate jobs' result-json artifacts were downloaded to.",
    },
    parallelism: {
      description: 'How many targets are migrated at once.',
      default: '4',
    },
    ...projectInputs,
    environment: {
      description: 'Environment name (staging, production, ...) that labels the report and all telemetry.',
      default: 'development',
    },
    ...transactionInput,
    'out-of-order': {
      description: 'What to do with a pending migration older than the newest applied one: fail, or apply it anyway.',
      default: 'fail',
    },
    'dry-run': {
      description: 'Print the plan and the SQL that would run, and change nothing.',
      default: 'false',
    },
    timeout: {
      description:
        'Circuit breaker for applying: on expiry the running statement is cancelled, the transaction rolled back and the status is timed-out.',
      default: '5m',
      duration: { min: '1s', max: '6h' },
    },
    'lock-wait': {
      description:
        'How long to wait for the advisory lock held by another run of this action on the same database before failing (0s: fail at once).',
      default: '2m',
      duration: { min: '0s', max: '6h' },
    },
    'lock-timeout': {
      description: "PostgreSQL's lock_timeout for the session: how long a statement may wait for a table lock.",
      default: '10s',
      duration: { min: '100ms', max: '6h' },
    },
    'statement-timeout': {
      description: "PostgreSQL's statement_timeout for the session (empty: the server's setting).",
      duration: { min: '100ms', max: '6h' },
    },
    'loki-url': {
      description: 'Grafana Loki base URL (e.g. https://logs-prod-eu-west-0.grafana.net); empty disables Loki.',
    },
    'loki-user': { description: 'Loki basic-auth user (Grafana Cloud: the numeric user id).' },
    'loki-token': { description: 'Loki basic-auth password or API token.', secret: true },
    'loki-tenant': { description: 'Loki tenant, sent as the X-Scope-OrgID header (multi-tenant Loki).' },
    'loki-labels': {
      description: 'Extra Loki stream labels, one name=value per line (may override service).',
    },
    'pagerduty-routing-key': {
      description: 'PagerDuty Events API v2 integration (routing) key; empty disables PagerDuty.',
      secret: true,
    },
    'pagerduty-severity': {
      description: 'Severity of the PagerDuty alert: critical, error, warning or info.',
      default: 'critical',
    },
    'pagerduty-url': {
      description: 'PagerDuty Events API v2 enqueue endpoint.',
      default: 'https://events.pagerduty.com/v2/enqueue',
    },
    'otlp-endpoint': {
      description:
        'OpenTelemetry OTLP/HTTP base URL (traces are posted to <endpoint>/v1/traces); empty disables tracing.',
    },
    'otlp-headers': {
      description: 'Headers for the OTLP endpoint, one name=value per line (values are masked).',
    },
  },
  outputs: {
    status: {
      description: 'applied, up-to-date, dry-run, failed, timed-out or cancelled (the worst over all targets).',
    },
    'applied-count': { description: 'Number of migrations applied by this run (over all targets).' },
    'pending-count': { description: 'Number of migrations still pending after this run (over all targets).' },
    applied: {
      description: 'JSON array of the migrations applied: name, hash, duration-ms (and target with targets).',
    },
    'duration-ms': { description: 'Duration of the whole run in milliseconds.' },
    'run-id': { description: 'Unique id of this run, also the trace id and the run_id in Loki.' },
    report: { description: 'Path of the Markdown report.' },
    'result-json': {
      description:
        'Path of the JSON result per database label (status, applied migrations; never a URL), to upload as an artifact.',
    },
    matrix: { description: 'plan mode: JSON for strategy.matrix, {"shard":[0,...]}; it holds no URL.' },
  },
};
