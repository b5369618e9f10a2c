interface ImportMetaEnv {
  /**
   * Written in as a literal by vite-build-mode.ts: true in the local build (`--mode simulator`) and
   * the dev server, false in production. Tested right where simulator code is imported, so the
   * bundler drops the LIFF mock, the "who am I" picker and the stand-in's client from
   * production without even emitting their chunks.
   */
  readonly SIMULATOR_BUILD: boolean;
}
