/** A worker thread of analyze's post-processing pool (analyze-post.ts): one task per message. */
import { parentPort } from 'node:worker_threads';
import { runPostTask, type PostReply, type PostTask } from './analyze-post.js';

parentPort!.on('message', ({ id, task }: { id: number; task: PostTask }) => {
  let reply: PostReply;
  try {
    reply = { id, out: runPostTask(task) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { id, error: { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) } };
  }
  parentPort!.postMessage(reply);
});
