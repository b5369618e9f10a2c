import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { firestoreWrapperJar } from "../firestore-emulator-jar";
import {
  freePorts,
  LOCAL_CHANNEL_ACCESS_TOKEN,
  LOCAL_CHANNEL_ID,
  LOCAL_CHANNEL_SECRET,
  LOCAL_LOGIN_CHANNEL_ID,
  LOCAL_REGION,
  REPO_ROOT,
  stopProcessGroup,
} from "../local-stack";

export interface FirestoreEmulator {
  host: string;
  projectId: string;
  /** Empties the database between measurements. */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real Firestore emulator alone (no Functions emulator): the bench serves the functions
 * itself. Started through firebase-tools, which on a machine without the gcloud jar fetches
 * its own, as `npm start` does.
 */
export async function startFirestoreEmulator(projectId: string): Promise<FirestoreEmulator> {
  const { firestore: port, firestoreWebsocket, hub, logging } = await freePorts();
  const dir = join(REPO_ROOT, ".local", projectId);
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "firebase.json");
  writeFileSync(
    config,
    JSON.stringify({
      emulators: {
        firestore: { host: "127.0.0.1", port, websocketPort: firestoreWebsocket },
        hub: { host: "127.0.0.1", port: hub },
        logging: { host: "127.0.0.1", port: logging },
        ui: { enabled: false },
        singleProjectMode: true,
      },
    }),
  );
  const jar = firestoreWrapperJar(join(REPO_ROOT, ".local"));
  const child = spawn(
    join(REPO_ROOT, "node_modules", ".bin", "firebase"),
    ["emulators:start", "--project", projectId, "--only", "firestore", "--config", config],
    {
      cwd: dir,
      detached: true,
      stdio: "ignore",
      env: { ...process.env, ...(jar && { FIRESTORE_EMULATOR_BINARY_PATH: jar }) },
    },
  );
  const host = `127.0.0.1:${port}`;
  const documents = `http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`http://${host}/`).then(
      r => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopProcessGroup(child);
      throw new Error("the Firestore emulator did not start");
    }
    await new Promise(done => setTimeout(done, 250));
  }
  return {
    host,
    projectId,
    clear: async () => void (await fetch(documents, { method: "DELETE" })),
    stop: () => stopProcessGroup(child),
  };
}

export interface HostProcess {
  url: string;
  /** Milliseconds from the process's start until the functions (or baseline) were imported. */
  importMs: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** What the functions read from their params and secrets, pointed at the local parts. */
export function functionsEnvironment(
  firestore: FirestoreEmulator,
  lineUrl: string,
  photoDir: string,
): NodeJS.ProcessEnv {
  return {
    FIRESTORE_EMULATOR_HOST: firestore.host,
    // Required since the region became a parameter (required-params.ts): without it every
    // API route answers 500.
    FUNCTIONS_REGION: LOCAL_REGION,
    GCLOUD_PROJECT: firestore.projectId,
    GOOGLE_CLOUD_PROJECT: firestore.projectId,
    LINE_CHANNEL_SECRET: LOCAL_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: LOCAL_CHANNEL_ACCESS_TOKEN,
    LINE_CHANNEL_ID: LOCAL_CHANNEL_ID,
    LINE_LOGIN_CHANNEL_ID: LOCAL_LOGIN_CHANNEL_ID,
    LINE_API_BASE_URL: lineUrl,
    LINE_DATA_API_BASE_URL: lineUrl,
    PHOTO_STORE_DIR: photoDir,
    URGENT_CHANNEL_URL: "",
    URGENT_CHANNEL_API_KEY: "unused",
    LIFF_BASE_URL: "http://127.0.0.1:5173",
    PHOTO_RETENTION_DAYS: "365",
  };
}

const HOST_SCRIPT = join(import.meta.dirname, "host", "functions-host.mjs");

/** A fresh Node process serving the functions (or the baseline); resolves once it listens. */
export async function startHost(
  mode: "functions" | "baseline",
  env: NodeJS.ProcessEnv,
): Promise<HostProcess> {
  const child = spawn(process.execPath, [HOST_SCRIPT, mode], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ port: number; importMs: number }>((resolve, reject) => {
    child.once("exit", code => reject(new Error(`${mode} host exited with ${code}`)));
    lines.on("line", line => {
      if (line.startsWith("{")) resolve(JSON.parse(line));
      // BENCH_HOST_LOG=1 shows what the host logs (errors of a failing route, say).
      else if (process.env.BENCH_HOST_LOG) console.log(`[${mode} host] ${line}`);
    });
  });
  return {
    url: `http://127.0.0.1:${ready.port}`,
    importMs: ready.importMs,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise(done => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
