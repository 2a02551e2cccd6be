/** Progress bars on stderr (ink). Rendered only when stderr is a TTY; decides nothing. */
import { Box, Text, render, useStderr, useStdout } from 'ink';

export interface ProgressRow {
  file: string;
  fraction: number;
}

function Bar({ fraction, width }: { fraction: number; width: number }) {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return (
    <Text>
      {'█'.repeat(filled)}
      {'░'.repeat(width - filled)}
    </Text>
  );
}

export function ProgressView({ rows, done, total }: { rows: ProgressRow[]; done: number; total: number }) {
  return (
    <Box flexDirection="column">
      {rows.map((r) => (
        <Box key={r.file} gap={1}>
          <Bar fraction={r.fraction} width={24} />
          <Text>{`${Math.round(r.fraction * 100)}%`.padStart(4)}</Text>
          <Text wrap="truncate-start">{r.file}</Text>
        </Box>
      ))}
      <Text dimColor>{`${done}/${total} files`}</Text>
    </Box>
  );
}

interface Writers {
  /** Writes to the terminal stream the progress is drawn on (stderr). */
  frame: (text: string) => void;
  /** Writes to the other stream sharing the terminal (the results: stdout). */
  other: (text: string) => void;
}

/** Hands out ink's own writers: each erases the frame, writes, and draws the frame again below. */
function CaptureWriters({ ready }: { ready: (w: Writers) => void }) {
  const { write: frame } = useStdout();
  const { write: other } = useStderr();
  ready({ frame, other });
  return null;
}

/**
 * Live progress for a batch on `stream` (stderr, a TTY); `update` is cheap and throttled by ink.
 * Results for `results` (stdout) and lines for `stream` must go through `writeResults` /
 * `writeStream`: ink erases its last frame by moving the cursor up, and a line written to the
 * terminal behind its back is erased with it.
 */
export function startProgress(total: number, stream: NodeJS.WriteStream, results: NodeJS.WritableStream) {
  const active = new Map<string, number>();
  let done = 0;
  let writers: Writers | undefined;
  let stopped = false;
  const view = () =>
    stopped ? (
      <></>
    ) : (
      <>
        <CaptureWriters ready={(w) => (writers = w)} />
        <ProgressView rows={[...active].map(([file, fraction]) => ({ file, fraction }))} done={done} total={total} />
      </>
    );
  const app = render(view(), {
    stdout: stream,
    stderr: results as NodeJS.WriteStream,
    patchConsole: false,
    exitOnCtrlC: true,
  });
  return {
    update(file: string, fraction: number) {
      if (fraction >= 1) {
        if (active.delete(file)) done++;
      } else active.set(file, fraction);
      app.rerender(view());
    },
    writeResults(text: string) {
      if (writers) writers.other(text);
      else results.write(text);
    },
    writeStream(text: string) {
      if (writers) writers.frame(text);
      else stream.write(text);
    },
    stop() {
      // an empty last frame, then unmount: ink's clear() followed by unmount would draw the last frame
      // again over the two lines above it (its line count is restored after a clear)
      stopped = true;
      app.rerender(view());
      app.unmount();
      writers = undefined;
    },
  };
}
