import type { Stats } from './measure';

/** One line of the results table: our figure, what users would otherwise run, and the target from the issue. */
export interface Figure {
  id: string;
  label: string;
  ours?: Stats;
  baseline?: Stats;
  baselineLabel?: string;
  /** ours.median / baseline.median, or a plain value (size, memory) when there is no baseline. */
  ratio?: number;
  value?: string;
  target?: string;
  met?: boolean;
  note?: string;
}
