import { isMap, isSeq } from 'yaml';
import { child, parse, sourceOf } from './yaml-edit';

export interface Setting {
  name: string;
  kind: 'secret' | 'variable';
  /** Where it is created: a GitHub environment, or undefined for the repository. */
  environment?: string;
  optional: boolean;
  description: string;
  usedBy: string[];
}

const ENTRY = /^#\s{3,}([A-Z][A-Z0-9_]+(?:,\s*[A-Z][A-Z0-9_]+)*)\s+(.*)$/;
const SECTION = /^# (?:Secrets|Variables)\b[^:]*:/;
// A section "(repository, …)" lists what is created once for the repository, whichever job reads it: a value the
// pull-request check and the deploys must share (an environment's own value would let them disagree).
const REPOSITORY_SECTION = /^# (?:Secrets|Variables) \(repository\b/;

interface Description {
  about: string;
  repository: boolean;
}

/**
 * The secrets and variables the workflows read, per environment of the job that reads them, described by the
 * templates' own header comments (which also say which are optional).
 */
export function settingsOf(workflows: { file: string; text: string; template: string }[]): Setting[] {
  const settings = new Map<string, Setting>();
  // A name a template only lists (snapshot-cleanup's NEON_API_KEY) is described where another template explains it,
  // but is optional only where its own template says so: snapshot-cleanup cannot run without it.
  const everywhere = new Map(workflows.flatMap(({ template }) => [...descriptions(template)].reverse()).reverse());
  for (const { file, text, template } of workflows) {
    const own = descriptions(template);
    const jobs = child(parse(text).contents, 'jobs');
    if (!isMap(jobs)) continue;
    for (const job of jobs.items) {
      const jobText = sourceOf(text, job.value as never);
      for (const environment of environmentsOf(job.value)) {
        for (const [, scope, name] of jobText.matchAll(/\b(secrets|vars)\.([A-Z][A-Z0-9_]*)\b/g)) {
          const { about, repository } = own.get(name!) ?? everywhere.get(name!) ?? { about: '', repository: false };
          const key = `${repository ? '' : (environment ?? '')}/${name}`;
          const optional = /^optional\b/.test(own.get(name!)?.about ?? '');
          const found = settings.get(key);
          if (found) {
            if (!found.usedBy.includes(file)) found.usedBy.push(file);
            found.optional &&= optional;
            found.description ||= about;
          } else {
            settings.set(key, {
              name: name!,
              kind: scope === 'secrets' ? 'secret' : 'variable',
              environment: repository ? undefined : environment,
              optional,
              description: about,
              usedBy: [file],
            });
          }
        }
      }
    }
  }
  return [...settings.values()];
}

/** A job's environments: its `environment:`, expanded over `matrix.environment` when it names that. */
function environmentsOf(job: unknown): (string | undefined)[] {
  const environment = child(job, 'environment');
  const value = environment && 'value' in environment ? String(environment.value) : undefined;
  if (value === undefined) return [undefined];
  if (/\$\{\{\s*matrix\.environment\s*\}\}/.test(value)) {
    const values = child(child(child(job, 'strategy'), 'matrix'), 'environment');
    return isSeq(values) ? values.items.map((item) => String(item)) : [undefined];
  }
  return [value];
}

function descriptions(template: string): Map<string, Description> {
  const map = new Map<string, Description>();
  let repository = false;
  for (const line of template.split('\n')) {
    if (!line.startsWith('#')) break;
    if (SECTION.test(line)) repository = REPOSITORY_SECTION.test(line);
    const entry = ENTRY.exec(line);
    if (entry) for (const name of entry[1]!.split(/,\s*/)) map.set(name, { about: entry[2]!.trim(), repository });
  }
  return map;
}
