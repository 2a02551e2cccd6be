/** Progress bars on stderr (ink). Rendered only when stderr is a TTY; decides nothing. */
import React from 'react';
import { Box, Text, render } from 'ink';

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

/** Live progress for a batch; `update` is cheap and throttled by ink. */
export function startProgress(total: number, stream: NodeJS.WriteStream) {
  const active = new Map<string, number>();
  let done = 0;
  const view = () => (
    <ProgressView rows={[...active].map(([file, fraction]) => ({ file, fraction }))} done={done} total={total} />
  );
  const app = render(view(), { stdout: stream, patchConsole: false, exitOnCtrlC: true });
  return {
    update(file: string, fraction: number) {
      if (fraction >= 1) {
        if (active.delete(file)) done++;
      } else active.set(file, fraction);
      app.rerender(view());
    },
    stop() {
      app.clear();
      app.unmount();
    },
  };
}
