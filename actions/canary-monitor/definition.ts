import type { CommandDefinition } from '../lib/definition';

export const canaryMonitorDefinition: CommandDefinition = {
  name: 'canary-monitor',
  cliName: 'canary',
  title: 'Canary monitor',
  description:
    'Probes a new deployment over a time window and decides whether it is healthy from its error rate and latency; with Vercel inputs it then promotes the deployment (or advances its rolling release) or rolls production back.',
  isAction: true,
  inputs: {
    url: {
      description:
        'URL(s) to probe, one per line or comma; defaults to the Vercel deployment URL when a deployment is given.',
    },
    interval: {
      description: 'Time between probes of each URL (30s, 1m).',
      default: '30s',
      duration: { min: '100ms', max: '1h' },
    },
    duration: { description: 'How long to watch (5m, 15m).', default: '5m', duration: { min: '1s', max: '6h' } },
    'request-timeout': {
      description: 'Longest a probe may take before it counts as failed.',
      default: '10s',
      duration: { min: '100ms', max: '5m' },
    },
    headers: {
      description:
        'Request headers, one `Name: value` per line (e.g. `x-vercel-protection-bypass: ...`); the values are masked.',
      secret: true,
    },
    'expect-status': {
      description: 'Statuses that count as success: codes, ranges and lists such as `200-399` or `200,204,301-302`.',
      default: '200-399',
    },
    'expect-body': {
      description: 'Text the response body must contain, or a regular expression written as `/pattern/flags`.',
    },
    'max-error-rate': { description: 'Highest share of failed probes still healthy (0 to 1).', default: '0.05' },
    'max-p95-ms': { description: '95th-percentile latency in milliseconds above which the deployment is unhealthy.' },
    'min-samples': { description: 'Fewest completed probes needed for a healthy verdict.', default: '3' },
    'fail-fast-after': {
      description: 'End the watch as unhealthy after this many consecutive failed probes of one URL (0: never).',
      default: '0',
    },
    'fail-on-unhealthy': { description: 'Exit with an error when the verdict is unhealthy.', default: 'true' },
    'vercel-token': { description: 'Vercel API token; enables the Vercel steps.', secret: true },
    'vercel-project-id': { description: 'Vercel project ID (prj_...) of the deployment.' },
    'vercel-team-id': { description: 'Vercel team ID (team_...) when the project belongs to a team.' },
    'vercel-api-url': { description: 'Base URL of the Vercel API.', default: 'https://api.vercel.com' },
    'deployment-id': { description: 'ID (dpl_...) or URL of the Vercel deployment to watch.' },
    'deploy-dir': {
      description:
        'Directory to deploy with @vercel/client before watching (relative to the working directory); exclusive with deployment-id.',
    },
    'on-healthy': {
      description: 'What to do when healthy: `promote` (or advance the active rolling release) or `none`.',
      default: 'none',
    },
    'on-unhealthy': {
      description: 'What to do when unhealthy: `rollback` (or abort the active rolling release) or `none`.',
      default: 'none',
    },
    'rollback-to': {
      description: 'Deployment ID to roll production back to; default the previous production deployment.',
    },
  },
  outputs: {
    healthy: { description: '`true` when the verdict is healthy, else `false`.' },
    decision: { description: 'What was done on Vercel: `promoted`, `rolled-back` or `none`.' },
    samples: { description: 'Number of completed probes.' },
    errors: { description: 'Number of failed probes.' },
    'error-rate': { description: 'Failed probes divided by completed probes (0 to 1).' },
    'p50-ms': { description: 'Median latency in milliseconds of probes that got a response.' },
    'p95-ms': { description: '95th-percentile latency in milliseconds of probes that got a response.' },
    'deployment-url': { description: 'URL of the watched Vercel deployment, when there is one.' },
    report: { description: 'Path of the Markdown report.' },
  },
};
