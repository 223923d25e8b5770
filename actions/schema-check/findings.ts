import type { Severity } from '../lib/migrations/model';

export type CheckName = 'integrity' | 'order' | 'generate' | 'apply' | 'lint';

/** One thing the check found, tied to a file line where it can be; the outputs, report and annotations use it. */
export interface Finding {
  check: CheckName;
  rule: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  migration?: string;
  /** The safe way to do the same thing (lint). */
  alternative?: string;
}
