// What clients saw during a fault, from a mixed load's answers: how many
// answers of each kind, how long they took, and how soon after the fault
// ended requests succeeded again. Printed by the fault tests as a Markdown
// table for the README; asserted on only loosely (a shared CI machine).
import type { Answer } from './mixed-load.js';

export interface FaultWindow {
  readonly name: string;
  /** performance.now() at the fault and at its end. */
  readonly faultAt: number;
  readonly restoredAt: number;
}

export interface FaultFigures {
  readonly name: string;
  readonly during: {
    readonly answers: number;
    /** "200", "503 SERVICE_UNAVAILABLE/DATABASE_UNAVAILABLE", "0" (no answer)… with counts. */
    readonly outcomes: Readonly<Record<string, number>>;
    readonly medianMs: number;
    readonly maxMs: number;
  };
  /** From the end of the fault to the first success, and to the end of the last failure, of requests sent after it, and until /readyz said 200 on every instance (ms). */
  readonly recovery: { readonly firstSuccessMs: number; readonly lastFailureMs: number; readonly readyMs: number };
  /** Refreshes answered 503 that had been stored after all (the answer lost with the connection): the client found its token used up. */
  readonly storedThoughRefused: number;
}

export const outcomeOf = (answer: Answer): string =>
  answer.status === 200 && answer.code === undefined ? '200' : `${answer.status}${answer.code ? ` ${answer.code}` : ''}${answer.reason ? `/${answer.reason}` : ''}`;

const median = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;

export function figuresOf(answers: readonly Answer[], { name, faultAt, restoredAt }: FaultWindow, { readyMs, storedThoughRefused }: { readyMs: number; storedThoughRefused: number }): FaultFigures {
  const during = answers.filter((a) => a.sentAt >= faultAt && a.sentAt < restoredAt);
  const outcomes: Record<string, number> = {};
  for (const answer of during) outcomes[outcomeOf(answer)] = (outcomes[outcomeOf(answer)] ?? 0) + 1;
  const after = answers.filter((a) => a.sentAt >= restoredAt);
  const endsAfterRestore = (a: Answer) => a.sentAt + a.ms - restoredAt;
  const successes = after.filter((a) => outcomeOf(a) === '200').map(endsAfterRestore);
  const failures = after.filter((a) => outcomeOf(a) !== '200').map(endsAfterRestore);
  return {
    name,
    during: { answers: during.length, outcomes, medianMs: median(during.map((a) => a.ms)), maxMs: Math.max(0, ...during.map((a) => a.ms)) },
    recovery: { firstSuccessMs: Math.min(...successes), lastFailureMs: Math.max(0, ...failures), readyMs },
    storedThoughRefused,
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** One Markdown table, a row per fault. */
export function figuresTable(rows: readonly FaultFigures[]): string {
  const lines = [
    '| fault | answers during it | median / max answer time | after it ends: first success | last failure | `/readyz` 200 | refreshes refused yet stored |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const outcomes = Object.entries(r.during.outcomes)
        .sort(([, x], [, y]) => y - x)
        .map(([outcome, n]) => `${n}× ${outcome}`)
        .join(', ');
      return `| ${r.name} | ${r.during.answers}: ${outcomes} | ${ms(r.during.medianMs)} / ${ms(r.during.maxMs)} | ${ms(r.recovery.firstSuccessMs)} | ${ms(r.recovery.lastFailureMs)} | ${ms(r.recovery.readyMs)} | ${r.storedThoughRefused} |`;
    }),
  ];
  return lines.join('\n');
}
