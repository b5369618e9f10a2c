import { defineConfig } from "vitest/config";

// Two kinds of suites from one command: `unit` needs nothing running (loopback HTTP servers
// started by the test itself are fine); `emulator` runs against the Firestore and Functions
// emulators and the LINE stand-in, all started once by the global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // A guard against hangs, not a speed check: shared machines run several times slower.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "emulator",
          include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Triggers and the browser answer within a second on a quiet machine; a shared one
          // under load needs longer, and waiting longer never makes a wrong answer pass.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
