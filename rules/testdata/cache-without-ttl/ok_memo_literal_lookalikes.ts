// Maps that store literals without memoising an answer.

const seen = new Map<string, boolean>();

export function firstTime(id: string): boolean {
  if (seen.get(id)) return false;
  seen.set(id, true);
  return true;
}

const phase = new Map<string, string>();

export async function run(id: string, job: () => Promise<void>): Promise<string> {
  const p = phase.get(id);
  if (p) return p;
  phase.set(id, "running");
  try {
    await job();
  } catch {
    phase.set(id, "failed");
    return "failed";
  }
  phase.set(id, "done");
  return "done";
}
