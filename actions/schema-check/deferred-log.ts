import type { Logger, SourceLocation } from '../lib/logger';

type Level = 'info' | 'debug' | 'notice' | 'warning' | 'error';

/**
 * Holds the lines of a phase that runs while another one writes its log group, and writes them later into the
 * phase's own group: concurrent phases never interleave in the job's log.
 */
export class DeferredLog {
  private readonly lines: Array<{ level: Level; message: string; where?: SourceLocation }> = [];

  /** A logger that holds lines back and passes everything else (secrets, paths) to `real`. */
  logger(real: Logger): Logger {
    const hold = (level: Level) => (message: string, where?: SourceLocation) => {
      this.lines.push({ level, message, where });
    };
    return {
      info: hold('info'),
      debug: hold('debug'),
      notice: hold('notice'),
      warning: hold('warning'),
      error: hold('error'),
      // Already inside the phase's own group when replayed.
      group: (_name, fn) => fn(),
      mask: (secret) => real.mask(secret),
      get secrets() {
        return real.secrets;
      },
      setFileRoot: (projectRoot) => real.setFileRoot(projectRoot),
      repositoryPath: (file) => real.repositoryPath(file),
    };
  }

  replay(to: Logger): void {
    for (const { level, message, where } of this.lines.splice(0)) {
      if (level === 'info' || level === 'debug') to[level](message);
      else to[level](message, where);
    }
  }
}
