import type { TestProject } from "vitest/node";
import {
  LOCAL_CHANNEL_ACCESS_TOKEN,
  LOCAL_CHANNEL_SECRET,
  freePorts,
  startLocalStack,
  type RunningStack,
} from "@sa/dev";

/** One project per run, so two test runs (or a run beside `npm start`) never share files. */
export const TEST_PROJECT_ID = `demo-sa-test-${process.pid}`;

declare module "vitest" {
  export interface ProvidedContext {
    stack: {
      projectId: string;
      webhookUrl: string;
      apiUrl: string;
      functionsBaseUrl: string;
      liffUrl: string;
      lineUrl: string;
      /** The SMS/voice stand-in that urgent alerts fall back to. */
      smsUrl: string;
      firestoreHost: string;
      photoDir: string;
      /** The emulators' output, function logs included: scanned for personal data. */
      emulatorLog: string;
      channelSecret: string;
    };
  }
}

let stack: RunningStack | undefined;

/**
 * Starts the real Firestore and Functions emulators and the LINE stand-in once for the
 * emulator suites, on ports of their own so that `npm start` may run at the same time.
 */
export async function setup(project: TestProject): Promise<void> {
  stack = await startLocalStack({
    projectId: TEST_PROJECT_ID,
    ports: await freePorts(),
    channelSecret: LOCAL_CHANNEL_SECRET,
    channelAccessToken: LOCAL_CHANNEL_ACCESS_TOKEN,
    temporary: true,
  });
  project.provide("stack", {
    projectId: stack.projectId,
    webhookUrl: stack.webhookUrl,
    apiUrl: stack.apiUrl,
    functionsBaseUrl: stack.functionsBaseUrl,
    liffUrl: stack.liffUrl,
    lineUrl: stack.line.url,
    smsUrl: stack.sms.url,
    firestoreHost: stack.firestoreHost,
    photoDir: stack.photoDir,
    emulatorLog: stack.logFile,
    channelSecret: LOCAL_CHANNEL_SECRET,
  });
}

export async function teardown(): Promise<void> {
  await stack?.stop();
}
