import {
  LOCAL_CHANNEL_ACCESS_TOKEN,
  LOCAL_CHANNEL_SECRET,
  START_PORTS,
  startLocalStack,
} from "./local-stack";
import { startScheduler } from "./scheduler";
import { DEMO_USERS, seedDemo } from "./seed";

/** `npm start`: the whole local stack, no LINE account or cloud project needed. */
const env = process.env;
const overrideApi = env.LINE_API_BASE_URL && env.LINE_DATA_API_BASE_URL;

const stack = await startLocalStack({
  projectId: "demo-social-assist",
  ports: START_PORTS,
  channelSecret: env.LINE_CHANNEL_SECRET || LOCAL_CHANNEL_SECRET,
  channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN || LOCAL_CHANNEL_ACCESS_TOKEN,
  // Unset: the stand-in's channel id (stateless tokens), or with another LINE endpoint the
  // long-lived token as before; set (even empty) to choose.
  ...(env.LINE_CHANNEL_ID !== undefined
    ? { lineChannelId: env.LINE_CHANNEL_ID }
    : overrideApi && { lineChannelId: "" }),
  ...(overrideApi && {
    lineApiBaseUrl: env.LINE_API_BASE_URL!,
    lineDataApiBaseUrl: env.LINE_DATA_API_BASE_URL!,
  }),
  echo: true,
});

await seedDemo({
  lineUrl: stack.line.url,
  firestoreHost: stack.firestoreHost,
  projectId: stack.projectId,
});

const scheduler = startScheduler(stack.functionsBaseUrl);

console.log("");
console.log(`LINE webhook: ${stack.webhookUrl}`);
console.log(`Chat simulator: ${stack.line.url}/`);
console.log(`API: ${stack.apiUrl}`);
console.log(`LIFF app: ${stack.liffUrl}/`);
console.log(`SMS stand-in (urgent alerts): ${stack.sms.url}/__control/messages`);
console.log(`Firestore emulator: ${stack.firestoreHost} (project ${stack.projectId})`);
if (overrideApi)
  console.log(`LINE API: ${env.LINE_API_BASE_URL} (the simulator's replies go there)`);
console.log(`Demo people: ${DEMO_USERS.map(u => u.displayName).join(", ")}`);
console.log("The sweep (escalation, retries, expiry) runs every minute, as in production.");
console.log("Press Ctrl-C to stop.");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  scheduler.stop();
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
