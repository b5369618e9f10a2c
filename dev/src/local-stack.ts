import { spawn, type ChildProcess } from "node:child_process";
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join, relative, resolve } from "node:path";
import { firestoreWrapperJar } from "./firestore-emulator-jar";
import { startLinePlatform, type RunningLinePlatform } from "./line-platform";
import { setupLine } from "./line-setup/setup-line";
import { startSmsProvider, type RunningSmsProvider } from "./sms-provider";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
/** The stack's functions region, passed like every other param (no defaults in production). */
export const LOCAL_REGION = "asia-southeast1";
const REGION = LOCAL_REGION;

export interface StackPorts {
  functions: number;
  firestore: number;
  hub: number;
  logging: number;
  firestoreWebsocket: number;
  /** Firebase Hosting emulator: serves the LIFF app and rewrites /api/** to the api function. */
  hosting: number;
  /** The LINE stand-in; 0 picks a free port. */
  line: number;
  /** The SMS/voice provider stand-in (urgent alerts); 0 picks a free port. */
  sms: number;
}

export const START_PORTS: StackPorts = {
  functions: 5001,
  firestore: 8080,
  hub: 4400,
  logging: 4500,
  firestoreWebsocket: 9150,
  hosting: 5002,
  line: 9090,
  sms: 9091,
};

/**
 * Ports nobody is listening on, for a second stack beside `npm start` (tests): the emulators
 * need explicit ports, so we ask the system for free ones and release them at once.
 */
export async function freePorts(): Promise<StackPorts> {
  const servers = await Promise.all(
    Array.from({ length: 6 }, async () => {
      const server = createServer();
      await new Promise<void>(done => server.listen(0, "127.0.0.1", done));
      return server;
    }),
  );
  const [functions, firestore, hub, logging, firestoreWebsocket, hosting] = servers.map(
    s => (s.address() as AddressInfo).port,
  ) as [number, number, number, number, number, number];
  await Promise.all(servers.map(s => new Promise(done => s.close(done))));
  return { functions, firestore, hub, logging, firestoreWebsocket, hosting, line: 0, sms: 0 };
}

export interface StackOptions {
  projectId: string;
  ports: StackPorts;
  channelSecret: string;
  channelAccessToken: string;
  /**
   * The Messaging API channel id the functions issue stateless tokens with; LOCAL_CHANNEL_ID
   * unless given, "" to make them use the long-lived `channelAccessToken` instead.
   */
  lineChannelId?: string;
  /** When set (both), the functions talk to this LINE endpoint instead of the stand-in. */
  lineApiBaseUrl?: string;
  lineDataApiBaseUrl?: string;
  /** Streams the emulators' output (npm start); tests keep it in a log file only. */
  echo?: boolean;
  /** Delete the project's env file on stop (test runs, one project id per run). */
  temporary?: boolean;
}

export interface RunningStack {
  projectId: string;
  webhookUrl: string;
  /** Base URL of the `api` function: `${apiUrl}/eligibility`. */
  apiUrl: string;
  /** The LIFF app, served by the Hosting emulator (which also serves `/api/**`). */
  liffUrl: string;
  functionsBaseUrl: string;
  firestoreHost: string;
  line: RunningLinePlatform;
  /** The SMS/voice stand-in the functions' urgent channel sends to. */
  sms: RunningSmsProvider;
  dataDir: string;
  photoDir: string;
  /** Everything the emulators print, function logs included (kept after a temporary run). */
  logFile: string;
  stop(): Promise<void>;
}

/** The local default secret and token: not secrets at all, only for the stand-in. */
export const LOCAL_CHANNEL_SECRET = "local-channel-secret-for-the-stand-in";
export const LOCAL_CHANNEL_ACCESS_TOKEN = "local-channel-access-token-for-the-stand-in";
/** The LINE Login channel the stand-in issues LIFF ID tokens for. */
export const LOCAL_LOGIN_CHANNEL_ID = "1234567890";
/** The Messaging API channel: with the secret, it gets stateless tokens from the stand-in. */
export const LOCAL_CHANNEL_ID = "2000000001";
/** The urgent channel's API key at the SMS stand-in: not a secret either. */
export const LOCAL_URGENT_CHANNEL_API_KEY = "local-urgent-channel-key-for-the-stand-in";

/**
 * Brings up the whole local stack: the LINE stand-in, and the Firestore and Functions
 * emulators (firebase-tools) with the functions configured to reach the stand-in.
 */
export async function startLocalStack(options: StackOptions): Promise<RunningStack> {
  const { projectId, ports } = options;
  const dataDir = join(REPO_ROOT, ".local", projectId);
  const photoDir = join(dataDir, "photos");
  mkdirSync(photoDir, { recursive: true });

  const line = await startLinePlatform(
    {
      channelSecret: options.channelSecret,
      channelAccessToken: options.channelAccessToken,
      channelId: LOCAL_LOGIN_CHANNEL_ID,
      messagingChannelId: LOCAL_CHANNEL_ID,
    },
    ports.line,
  );
  const sms = await startSmsProvider({ apiKey: LOCAL_URGENT_CHANNEL_API_KEY }, ports.sms).catch(
    async (error: unknown) => {
      await line.close();
      throw error;
    },
  );
  const apiBaseUrl = options.lineApiBaseUrl ?? line.url;
  const dataApiBaseUrl = options.lineDataApiBaseUrl ?? line.url;

  // String params are read only from functions/.env* files, never from the CLI's environment
  // (DESIGN.md), so the overrides go into a per-project file the emulator loads.
  const envFile = join(REPO_ROOT, "functions", `.env.${projectId}`);
  writeFileSync(
    envFile,
    [
      `FUNCTIONS_REGION=${REGION}`,
      `LINE_API_BASE_URL=${apiBaseUrl}`,
      `LINE_DATA_API_BASE_URL=${dataApiBaseUrl}`,
      `PHOTO_STORE_DIR=${photoDir}`,
      `LINE_LOGIN_CHANNEL_ID=${LOCAL_LOGIN_CHANNEL_ID}`,
      `LINE_CHANNEL_ID=${options.lineChannelId ?? LOCAL_CHANNEL_ID}`,
      `URGENT_CHANNEL_URL=${sms.sendUrl}`,
      `LIFF_BASE_URL=http://127.0.0.1:${ports.hosting}`,
      // The emulator asks for any param not in a file, defaults included.
      "PHOTO_RETENTION_DAYS=365",
      "",
    ].join("\n"),
  );
  const liffDir = copyLiffApp(dataDir, {
    mock: true,
    lineSimulatorUrl: line.url,
    liffId: "local-liff-id",
  });
  // Each stack gets its own ports, so `npm start` and `npm test` can run side by side.
  const configPath = join(dataDir, "firebase.json");
  writeFileSync(
    configPath,
    JSON.stringify(
      {
        functions: [{ source: "../../functions", codebase: "default", runtime: "nodejs22" }],
        // Relative to this config file: firebase-tools reads `public` from the project directory.
        hosting: { ...hostingConfig(), public: relative(dataDir, liffDir) },
        emulators: {
          functions: { host: "127.0.0.1", port: ports.functions },
          firestore: {
            host: "127.0.0.1",
            port: ports.firestore,
            websocketPort: ports.firestoreWebsocket,
          },
          hub: { host: "127.0.0.1", port: ports.hub },
          logging: { host: "127.0.0.1", port: ports.logging },
          hosting: { host: "127.0.0.1", port: ports.hosting },
          ui: { enabled: false },
          singleProjectMode: true,
        },
      },
      null,
      2,
    ),
  );

  const logFile = join(dataDir, "emulators.log");
  const jar = firestoreWrapperJar(join(REPO_ROOT, ".local"));
  const firebase = spawn(
    join(REPO_ROOT, "node_modules", ".bin", "firebase"),
    [
      "emulators:start",
      "--project",
      projectId,
      "--only",
      "functions,firestore,hosting",
      "--config",
      configPath,
    ],
    {
      cwd: dataDir,
      detached: true, // its own process group: stop() ends java and the function workers too
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...(jar && { FIRESTORE_EMULATOR_BINARY_PATH: jar }),
        // Secrets come from the CLI's environment when functions/.secret.local is absent.
        LINE_CHANNEL_SECRET: options.channelSecret,
        LINE_CHANNEL_ACCESS_TOKEN: options.channelAccessToken,
        URGENT_CHANNEL_API_KEY: LOCAL_URGENT_CHANNEL_API_KEY,
        // Loading the functions' code takes firebase-tools' 10 s limit and more on a busy
        // machine, and then the stack runs with no functions at all.
        FUNCTIONS_DISCOVERY_TIMEOUT: process.env.FUNCTIONS_DISCOVERY_TIMEOUT ?? "60",
        CI: process.env.CI ?? "",
      },
    },
  );
  const stopAll = async () => {
    await stopProcessGroup(firebase);
    stopStrayFirestore(ports.firestore);
    await line.close().catch(() => undefined);
    await sms.close().catch(() => undefined);
    // The data folder (photos, emulators.log) stays for reading after a failed run.
    if (options.temporary) rmSync(envFile, { force: true });
  };
  try {
    await waitForReady(firebase, logFile, options.echo ?? false);
  } catch (error) {
    await stopAll();
    throw error;
  }

  const functionsBaseUrl = `http://127.0.0.1:${ports.functions}/${projectId}/${REGION}`;
  const webhookUrl = `${functionsBaseUrl}/webhook`;
  line.setWebhookUrl(webhookUrl);
  if (!options.lineApiBaseUrl) {
    // The same rich menus `npm run setup:line` makes for a real channel.
    await setupLine({
      channelAccessToken: options.channelAccessToken,
      apiBaseUrl: line.url,
      dataApiBaseUrl: line.url,
      englishUserIds: [],
    });
  }
  return {
    projectId,
    webhookUrl,
    apiUrl: `${functionsBaseUrl}/api`,
    liffUrl: `http://127.0.0.1:${ports.hosting}`,
    functionsBaseUrl,
    firestoreHost: `127.0.0.1:${ports.firestore}`,
    line,
    sms,
    dataDir,
    photoDir,
    logFile,
    stop: stopAll,
  };
}

/** The project's hosting settings (rewrites, headers), shared with the deployed config. */
function hostingConfig(): Record<string, unknown> {
  const { hosting } = JSON.parse(readFileSync(join(REPO_ROOT, "firebase.json"), "utf8"));
  const { predeploy: _predeploy, ...rest } = hosting;
  return rest;
}

/**
 * The LIFF app reads its settings at run time from /liff-config.json, so one build serves
 * production (a real LIFF id) and the local stack (LIFF mocked, ID tokens from the stand-in).
 * Each stack serves its own copy of the build, so two stacks never share a config file.
 */
function copyLiffApp(
  dataDir: string,
  config: { mock: boolean; lineSimulatorUrl: string; liffId: string },
): string {
  const target = join(dataDir, "liff");
  rmSync(target, { recursive: true, force: true });
  const built = join(REPO_ROOT, "liff", "dist");
  if (existsSync(built)) cpSync(built, target, { recursive: true });
  else mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "liff-config.json"), JSON.stringify(config, null, 2));
  return target;
}

const READY_LINE = "All emulators ready!";
const READY_TIMEOUT_MS = 120_000;

/** Resolves when the emulators say they are ready; all their output goes to `logFile`. */
function waitForReady(child: ChildProcess, logFile: string, echo: boolean): Promise<void> {
  const log = createWriteStream(logFile);
  let recent = "";
  return new Promise((resolvePromise, reject) => {
    let ready = false;
    const timer = setTimeout(
      () => fail(new Error("emulators did not start in time")),
      READY_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`${error.message}; emulator output:\n${recent}`));
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log.write(text);
      recent = (recent + text).slice(-4000);
      if (echo) process.stdout.write(text);
      if (!ready && text.includes(READY_LINE)) {
        ready = true;
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", code => {
      log.end();
      fail(new Error(`emulators exited with code ${code}`));
    });
  });
}

/**
 * firebase-tools runs the Firestore emulator (java) in a process group of its own, and stops it
 * only when it shuts down cleanly: when a busy machine makes that take longer than stop's grace
 * period, the SIGKILL ends firebase-tools and leaves java running. Ends a java still serving this
 * stack's Firestore port (Linux: read from /proc; elsewhere nothing to do).
 */
export function stopStrayFirestore(port: number): void {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter(name => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      const emulator = args.some(arg => arg.includes("firestore-emulator"));
      if (emulator && args[args.indexOf("--port") + 1] === String(port))
        process.kill(Number(pid), "SIGKILL");
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
}

export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>(done => child.once("exit", () => done()));
  try {
    process.kill(-child.pid, "SIGINT"); // firebase-tools shuts the emulators down on SIGINT
  } catch {
    return;
  }
  const timeout = new Promise<"timeout">(done => setTimeout(() => done("timeout"), 10_000));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
