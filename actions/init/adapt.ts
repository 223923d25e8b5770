/**
 * Turns a template into the workflow for one repository. Each rule is about the templates' structure, not their
 * wording: a step is Neon's or Vercel's by the secret it uses, a step that reads a left-out step's result goes with
 * it, a summary's env entry for it is dropped with the script lines that print it. So a template can change and init
 * follows without a list of step names to keep in sync.
 */
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { findCommand } from '../commands';
import type { Repository } from './detect';
import {
  addItem,
  addPairs,
  child,
  pairOf,
  parse,
  removeItem,
  removePair,
  removeScalarLines,
  removeSection,
  replaceItems,
  replaceScalar,
  sourceOf,
} from './yaml-edit';

// The owner as a plain string, so that `npm run set-owner` (a text replacement) moves it with every template.
const OWNER = 'org/schema-actions';
const OURS = new RegExp(`^${OWNER.replace(/[.]/g, '\\.')}/([a-z-]+)@`);

export interface LeftOut {
  step: string;
  feature: 'Neon' | 'Vercel';
}

export interface AdaptedWorkflow {
  text: string;
  leftOut: LeftOut[];
}

export function adaptTemplate(name: string, template: string, repo: Repository): AdaptedWorkflow {
  const { text: pruned, leftOut } = pruneUnusedServices(template, repo);
  let text = pruned;
  text = adaptInstall(text, repo);
  text = adaptProjectInputs(text, repo);
  text = adaptVercelFolder(text, repo);
  text = adaptPaths(text, repo);
  text = adaptHeader(text, name, leftOut);
  parse(text); // every edit must leave valid YAML; a broken template is a bug here, not the user's mistake
  return { text, leftOut };
}

type Step = YAMLMap<Node, Node>;

function steps(text: string): Step[] {
  const jobs = child(parse(text).contents, 'jobs');
  if (!isMap(jobs)) return [];
  return jobs.items.flatMap((job) => {
    const list = child(job.value, 'steps');
    return isSeq(list) ? (list.items.filter(isMap) as Step[]) : [];
  });
}

function scalar(step: Step, key: string): string {
  const value = step.get(key);
  return typeof value === 'string' ? value : '';
}

function stepName(step: Step): string {
  return scalar(step, 'name') || scalar(step, 'id') || scalar(step, 'uses') || scalar(step, 'run');
}

/**
 * Applies `edit` to every step `pick` chooses, last step first: an edit only moves the text after its step's start,
 * so the steps before it are still where they were found.
 */
function eachStep(
  text: string,
  pick: (step: Step, text: string) => boolean,
  edit: (text: string, step: Step) => string,
) {
  const starts = steps(text)
    .filter((step) => pick(step, text))
    .map((step) => step.range![0])
    .reverse();
  for (const start of starts) text = edit(text, stepAt(text, start));
  return text;
}

const FEATURE_SECRETS: [LeftOut['feature'], RegExp, (repo: Repository) => boolean][] = [
  ['Neon', /\bsecrets\.NEON_API_KEY\b/, (repo) => repo.neon.used],
  ['Vercel', /\bsecrets\.VERCEL_TOKEN\b/, (repo) => repo.vercel.used],
];

function pruneUnusedServices(template: string, repo: Repository): AdaptedWorkflow {
  let text = template;
  const leftOut: LeftOut[] = [];
  const removedIds: string[] = [];
  const causeOf = new Map<string, LeftOut['feature']>();
  for (;;) {
    const found = steps(text)
      .map((step) => ({ step, feature: featureToDrop(text, step, repo, removedIds, causeOf) }))
      .find((s) => s.feature);
    if (!found) break;
    const id = scalar(found.step, 'id');
    if (id) {
      removedIds.push(id);
      causeOf.set(id, found.feature!);
    }
    leftOut.push({ step: stepName(found.step), feature: found.feature! });
    text = removeItem(text, found.step);
  }
  if (removedIds.length) text = pruneEnvReferences(text, removedIds);
  if (leftOut.length) {
    text = pruneUnusedDispatchInputs(text);
    text = pruneUnreadWorkflowEnv(text, template);
  }
  return { text, leftOut };
}

/**
 * A workflow-level env entry the template's steps read and no step left here reads (the pinned Vercel CLI once the
 * Vercel steps are gone) goes with them; an entry the template never reads by name is for the tools, and stays.
 */
function pruneUnreadWorkflowEnv(text: string, template: string): string {
  const readsIn = (source: string, name: string) => {
    const env = pairOf(parse(source).contents, 'env');
    const rest = env ? source.slice(0, env.key.range![0]) + source.slice(env.value!.range![1]) : source;
    return new RegExp(`\\$\\{?${name}\\b|\\benv\\.${name}\\b`).test(rest);
  };
  for (;;) {
    const env = child(parse(text).contents, 'env');
    if (!isMap(env)) return text;
    const unread = env.items.find((p) => readsIn(template, String(p.key)) && !readsIn(text, String(p.key)));
    if (!unread) return text;
    text =
      env.items.length === 1
        ? removeSection(text, pairOf(parse(text).contents, 'env')!)
        : removePair(text, pairOf(env, String(unread.key))!);
  }
}

function featureToDrop(
  text: string,
  step: Step,
  repo: Repository,
  removedIds: string[],
  causeOf: Map<string, LeftOut['feature']>,
): LeftOut['feature'] | undefined {
  const source = sourceOf(text, step);
  const unused = FEATURE_SECRETS.find(([, secret, used]) => secret.test(source) && !used(repo));
  if (unused) return unused[0];
  // A step that needs a left-out step's result (in with:, if: or its script) cannot run without it.
  const needs = ['with', 'if', 'run'].map((key) => sourceOf(text, child(step, key))).join('\n');
  const id = removedIds.find((removed) => new RegExp(`\\bsteps\\.${removed}\\.`).test(needs));
  return id ? causeOf.get(id) : undefined;
}

/** A summary step reads left-out steps' results through env:; drop those entries and the lines that print them. */
function pruneEnvReferences(text: string, removedIds: string[]): string {
  const refersToRemoved = new RegExp(`\\bsteps\\.(${removedIds.join('|')})\\.`);
  return eachStep(
    text,
    (step, t) => refersToRemoved.test(sourceOf(t, child(step, 'env'))),
    (t, step) => {
      const env = child(step, 'env') as YAMLMap<Node, Node>;
      const names = env.items.filter((p) => refersToRemoved.test(sourceOf(t, p.value))).map((p) => String(p.key));
      const stepStart = step.range![0];
      for (const name of names) t = removePair(t, pairOf(child(stepAt(t, stepStart), 'env'), name)!);
      const left = child(stepAt(t, stepStart), 'env');
      if (!isMap(left) || left.items.length === 0) {
        t = removePair(t, pairOf(stepAt(t, stepStart), 'env')!);
      }
      const script = child(stepAt(t, stepStart), 'run');
      const printsRemoved = new RegExp(`\\$\\{?(${names.join('|')})\\b`);
      return script ? removeScalarLines(t, script, (line) => printsRemoved.test(line)) : t;
    },
  );
}

/** The step starting at `offset` (steps before it are unchanged by edits inside it). */
function stepAt(text: string, offset: number): Step {
  return steps(text).find((s) => s.range![0] === offset)!;
}

function pruneUnusedDispatchInputs(text: string): string {
  for (;;) {
    const inputs = child(child(child(parse(text).contents, 'on'), 'workflow_dispatch'), 'inputs');
    if (!isMap(inputs)) return text;
    const body = text.slice(0, inputs.range![0]) + text.slice(inputs.range![1]);
    const unused = (inputs.items as { key: Node; value: Node }[]).find(
      (p) => !new RegExp(`\\binputs\\.${String(p.key)}\\b`).test(body),
    );
    if (!unused) return text;
    text =
      inputs.items.length === 1
        ? removePair(text, pairOf(child(child(parse(text).contents, 'on'), 'workflow_dispatch'), 'inputs')!)
        : removePair(text, pairOf(inputs, String(unused.key))!);
  }
}

function adaptInstall(text: string, repo: Repository): string {
  const pm = repo.packageManager;
  const isSetupNode = (s: Step) => scalar(s, 'uses').startsWith('actions/setup-node@');
  text = eachStep(text, isSetupNode, (t, step) => {
    const start = step.range![0];
    const cache = pairOf(child(step, 'with'), 'cache');
    if (cache && !pm.cache) t = removePair(t, cache);
    else if (cache && pm.cache !== scalar(child(step, 'with') as Step, 'cache'))
      t = replaceScalar(t, cache.value!, pm.cache!);
    if (cache && pm.cache && pm.installDir !== '.') {
      t = addPairs(t, child(stepAt(t, start), 'with') as Step, [`cache-dependency-path: ${pm.lockfile}`], 'end');
    }
    for (const lines of pm.setupAfter.toReversed()) t = addItem(t, stepAt(t, start), lines, 'after');
    for (const lines of pm.setupBefore) t = addItem(t, stepAt(t, start), lines, 'before');
    return t;
  });
  return eachStep(
    text,
    (s) => scalar(s, 'run') === 'npm ci',
    (t, step) => {
      const start = step.range![0];
      if (pm.install !== 'npm ci') t = replaceScalar(t, child(step, 'run')!, pm.install);
      return pm.installDir === '.' ? t : addPairs(t, stepAt(t, start), [`working-directory: ${pm.installDir}`], 'end');
    },
  );
}

/** Points every schema-actions step at the project, and schema-check's generate at the project's drizzle-kit. */
function adaptProjectInputs(text: string, repo: Repository): string {
  return eachStep(
    text,
    (s) => OURS.test(scalar(s, 'uses')),
    (t, step) => {
      const action = OURS.exec(scalar(step, 'uses'))![1]!;
      const inputs = findCommand(action)?.definition.inputs ?? {};
      const start = step.range![0];
      const first: string[] = [];
      if (repo.project !== '.' && 'working-directory' in inputs) first.push(`working-directory: ${repo.project}`);
      if (repo.configFile !== 'drizzle.config.ts' && 'drizzle-config' in inputs) {
        first.push(`drizzle-config: ${repo.configFile}`);
      }
      if (first.length) t = addPairs(t, child(step, 'with') as Step, first, 'start');
      if ('generate-command' in inputs && repo.packageManager.exec !== 'npx') {
        const command = `${repo.packageManager.exec} drizzle-kit generate --config ${repo.configFile}`;
        t = addPairs(t, child(stepAt(t, start), 'with') as Step, [`generate-command: ${command}`], 'end');
      }
      return t;
    },
  );
}

/** The Vercel CLI runs where the project is linked; in a monorepo that is the app's folder, not the root. */
function adaptVercelFolder(text: string, repo: Repository): string {
  if (repo.vercel.dir === '.') return text;
  return eachStep(
    text,
    (s, t) => Boolean(child(s, 'run')) && /\bsecrets\.VERCEL_TOKEN\b/.test(sourceOf(t, child(s, 'env'))),
    (t, step) => addPairs(t, step, [`working-directory: ${repo.vercel.dir}`], 'run'),
  );
}

/** The pull_request paths filter: what a change to the project's schema, migrations or dependencies touches. */
function adaptPaths(text: string, repo: Repository): string {
  const paths = child(child(child(parse(text).contents, 'on'), 'pull_request'), 'paths');
  if (!isSeq(paths)) return text;
  const prefix = repo.project === '.' ? '' : `${repo.project}/`;
  const globs = [`${repo.migrationsDir}/**`, ...(repo.schema ?? ['**/*.ts']), 'drizzle.config.*', 'package.json'].map(
    (glob) => prefix + glob,
  );
  return replaceItems(text, paths, [...new Set([...globs, repo.packageManager.lockfile])]);
}

const ENTRY = /^#\s{3,}([A-Z][A-Z0-9_]+(?:,\s*[A-Z][A-Z0-9_]+)*)\s/;
const LIST = /^(# (?:Secrets|Variables)\b[^:]*:\s)([A-Z0-9_, ]+)\.$/;

/**
 * The leading comment: says init wrote the file, from which template, and which steps it left out and why; lists
 * only the secrets and variables that the workflow still uses.
 */
function adaptHeader(text: string, name: string, leftOut: LeftOut[]): string {
  const lines = text.split('\n');
  const headerEnd = lines.findIndex((line) => !line.startsWith('#'));
  const body = lines.slice(headerEnd).join('\n');
  const used = (n: string) => new RegExp(`\\b(secrets|vars)\\.${n}\\b`).test(body);
  const header = lines.slice(0, headerEnd).flatMap((line): string[] => {
    const entry = ENTRY.exec(line);
    if (entry) return entry[1]!.split(/,\s*/).some(used) ? [line] : [];
    const list = LIST.exec(line);
    if (list) {
      const kept = list[2]!.split(/,\s*/).filter(used);
      return kept.length ? [`${list[1]}${kept.join(', ')}.`] : [];
    }
    return [line];
  });
  const withoutEmptySections = header.filter(
    (line, i) => !/^# (Secrets|Variables)\b.*:$/.test(line) || ENTRY.test(header[i + 1] ?? ''),
  );
  const notes = (['Neon', 'Vercel'] as const).flatMap((feature) => {
    const names = leftOut.filter((l) => l.feature === feature).map((l) => `"${l.step}"`);
    return names.length
      ? wrapComment(`Left out because this repository does not use ${feature}: ${names.join(', ')}.`)
      : [];
  });
  const [first, ...rest] = withoutEmptySections;
  const origin = `# Written by schema-actions init from workflows-templates/${name}.yml; run it again to update.`;
  return [first!, origin, ...notes.map((n) => `# ${n}`), ...rest, ...lines.slice(headerEnd)].join('\n');
}

function wrapComment(text: string, width = 118): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${word}`.length <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(lines.length ? `  ${word}` : word);
  }
  return lines;
}
