// argon2id on threads of its own, at a lower CPU priority than the event loop.
//
// A hash is ~10 ms of solid CPU. On libuv's pool (where async argon2 bindings
// run) it competes with the event loop as an equal: on a busy or single core,
// every request waits out the hash's scheduler slice. Here each thread runs the
// hash synchronously and has first lowered its own priority (Linux nice is per
// thread), so when a request arrives the kernel switches to the event loop at
// once; hashing takes whatever CPU requests leave. @node-rs/argon2's sync calls
// are what make that possible (and were 2-3x faster than node-argon2 here).
// Not piscina: its queue would sit unused behind fair-hashing-queue.ts, and it
// loads workers from files, where this source runs the same under the build,
// tsx and vitest.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Added to the threads' nice value: 10 gives them ~1/10 of a core the event loop also wants. */
export const hashingNiceness = 10;

export type HashingTask =
  | { readonly op: 'hash'; readonly password: string }
  | { readonly op: 'verify'; readonly hash: string; readonly password: string };

export interface HashingThreads {
  /** Runs on an idle thread; the caller keeps at most `size` tasks in flight. */
  run(task: HashingTask): Promise<string | boolean>;
  /** Ends the threads; tasks in flight fail, and so does every later run(). */
  close(): Promise<void>;
}

// The binding is resolved and loaded here, at start: a missing or foreign
// native build fails the boot instead of every later sign-in. (The threads are
// given its path, because an evaluated thread resolves from the working directory.)
const requireHere = createRequire(import.meta.url);
const argon2Path = requireHere.resolve('@node-rs/argon2');
requireHere(argon2Path);

/**
 * The most a stored hash may ask for before it is verified. A row naming, say,
 * m=4 TiB (corruption, or a hand edit) would otherwise make the binding's
 * allocation abort the whole process; anything above these verifies as false.
 * Generous next to today's m=19 MiB, t=2, p=1, so stronger settings later still verify.
 */
export const storedHashCeiling = { memoryCost: 1_048_576, timeCost: 64, parallelism: 16 } as const;

// Plain CommonJS, evaluated as the thread's source, so it runs the same under
// the build, tsx and vitest. Nice values stop at 19; elsewhere than Linux
// setPriority would renice the whole process, so it is not called there; and
// should it be refused (lowering one's own priority is normally always
// allowed), hashing runs at normal priority and the owner is told.
// A stored hash that does not parse (InvalidArg) or asks too much verifies as
// false; any other failure is an error, not a wrong password that would count
// toward the caller's lockout.
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
if (process.platform === 'linux') {
  const os = require('node:os');
  try {
    os.setPriority(Math.min(19, os.getPriority() + workerData.niceness));
  } catch (error) {
    parentPort.postMessage({ warning: 'hashing thread runs at normal priority: ' + String(error && error.message || error) });
  }
}
const { hashSync, verifySync, parseOptions } = require(workerData.argon2Path);
const ceiling = workerData.ceiling;
const affordable = (hash) => {
  const asked = parseOptions(hash);
  return asked.memoryCost <= ceiling.memoryCost && asked.timeCost <= ceiling.timeCost && asked.parallelism <= ceiling.parallelism;
};
parentPort.on('message', (task) => {
  let result;
  try {
    result = task.op === 'hash' ? hashSync(task.password, workerData.options) : affordable(task.hash) && verifySync(task.hash, task.password);
  } catch (error) {
    if (task.op === 'hash' || !error || error.code !== 'InvalidArg') return parentPort.postMessage({ error: String(error && error.message || error) });
    result = false;
  }
  parentPort.postMessage({ result });
});
`;

type Settle = (error: Error | undefined, result?: string | boolean) => void;

interface Thread {
  readonly worker: Worker;
  /** Set while a task is in flight. */
  settle: Settle | undefined;
}

export function createHashingThreads(size: number, options: Readonly<Record<string, number>>, onWarning: (message: string) => void = () => {}): HashingThreads {
  const idle: Thread[] = [];
  const all = new Set<Thread>();
  let closed = false;

  function start(): Thread {
    const worker = new Worker(threadSource, { eval: true, workerData: { options, niceness: hashingNiceness, argon2Path, ceiling: storedHashCeiling } });
    const thread: Thread = { worker, settle: undefined };
    const takeSettle = () => {
      const settle = thread.settle;
      thread.settle = undefined;
      return settle;
    };
    const fail = (error: Error) => {
      all.delete(thread);
      const index = idle.indexOf(thread);
      if (index !== -1) idle.splice(index, 1);
      takeSettle()?.(error);
    };
    worker.on('message', (message: { result: string | boolean } | { error: string } | { warning: string }) => {
      if ('warning' in message) {
        onWarning(message.warning);
        return;
      }
      const settle = takeSettle();
      worker.unref(); // an idle thread keeps no process alive (the CLI exits when done)
      idle.push(thread);
      if ('error' in message) settle?.(new Error(message.error));
      else settle?.(undefined, message.result);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`hashing thread exited (code ${code})`)));
    all.add(thread);
    return thread;
  }

  return {
    run(task) {
      if (closed) return Promise.reject(new Error('the password hasher is closed'));
      const thread = idle.pop() ?? (all.size < size ? start() : undefined);
      if (!thread) return Promise.reject(new Error(`more than ${size} hashing tasks in flight`));
      return new Promise((resolve, reject) => {
        thread.settle = (error, result) => (error ? reject(error) : resolve(result as string | boolean));
        thread.worker.ref(); // a hash in flight keeps the process alive until it answers
        thread.worker.postMessage(task);
      });
    },
    async close() {
      closed = true;
      const threads = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}
