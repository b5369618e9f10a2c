import {
  freePorts,
  LOCAL_CHANNEL_ACCESS_TOKEN,
  LOCAL_CHANNEL_SECRET,
  startLocalStack,
  type RunningStack,
} from "../local-stack";

/** A throwaway local stack of its own for one benchmark run, on free ports. */
export async function startBenchStack(name: string): Promise<RunningStack> {
  return startLocalStack({
    projectId: `demo-sa-${name}-${process.pid}`,
    ports: await freePorts(),
    channelSecret: LOCAL_CHANNEL_SECRET,
    channelAccessToken: LOCAL_CHANNEL_ACCESS_TOKEN,
    temporary: true,
  });
}

/** POSTs JSON to the stand-in's `/sim` endpoints, as the chat page does. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}
