/** The terminal progress bar (stderr, only on a TTY: CI logs and pipes stay clean). */
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  update(done: number, simClock: string): void;
  stop(): void;
}

export const SILENT: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'simulating {bar} {value}/{total} applicants | sim time {clock} | {duration_formatted}',
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { clock: '--:--' }),
    update: (done, clock) => bar.update(done, { clock }),
    stop: () => bar.stop(),
  };
}
