/** What a phase of a run came to: it ran and produced data, or it was skipped for a reason the report shows. */
export type Phase<T> = { status: 'done'; data: T } | { status: 'skipped'; reason: string };

export function done<T>(data: T): Phase<T> {
  return { status: 'done', data };
}

export function skipped<T = never>(reason: string): Phase<T> {
  return { status: 'skipped', reason };
}

/** The phase's data, or undefined when it was skipped. */
export function dataOf<T>(phase: Phase<T>): T | undefined {
  return phase.status === 'done' ? phase.data : undefined;
}
