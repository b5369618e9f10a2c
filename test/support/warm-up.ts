import { callApi, lineUser } from "./accounts";
import { runSweep } from "./line-log";

/**
 * Wakes the api function and the sweep before a file's first test, in its beforeAll (two
 * minutes allowed), so a cold worker on a busy machine does not eat the first test's time.
 */
export async function warmUpFunctions(): Promise<void> {
  const { idToken } = await lineUser("warm-up");
  await callApi("/me", { idToken });
  await runSweep();
}
