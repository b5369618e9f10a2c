/**
 * The Functions emulator loads `onSchedule` functions but never fires them, so without this
 * `npm start` would never route a stranded report, retry a push, end an abandoned chat or
 * escalate an untaken case. Every minute it makes the call the tests make: a POST to the
 * scheduled function's emulator endpoint (`<name>-0`). Production uses Cloud Scheduler.
 */
export function startScheduler(
  functionsBaseUrl: string,
  options: { everyMs?: number; log?: (line: string) => void } = {},
): { stop: () => void } {
  const everyMs = options.everyMs ?? 60_000;
  const log = options.log ?? (line => console.log(line));
  let running = false;
  const tick = async () => {
    if (running) return; // a slow sweep is never run twice at once
    running = true;
    try {
      const response = await fetch(`${functionsBaseUrl}/sweep-0`, { method: "POST" });
      if (!response.ok) log(`[scheduler] sweep answered ${response.status}`);
    } catch (error) {
      log(`[scheduler] sweep could not be reached: ${String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  return { stop: () => clearInterval(timer) };
}
