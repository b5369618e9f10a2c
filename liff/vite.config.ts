import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin, type Rollup } from "vite";
import { readingLocale } from "../core/src/dates";
import { handedIdTokenIn } from "./src/liff/handed-token";
import { idTokenClaims } from "./src/liff/id-token-claims";
import { ID_TOKEN_NAME, LANGUAGE_KEY, LAST_PERSON_KEY, personKey } from "./src/storage/phone-keys";
import { buildMode } from "./vite-build-mode";

/** A test of a module's id: any of these files or folders ("pages/home/", "forms/dates.ts"). */
function modules(...paths: string[]): RegExp {
  const escaped = paths.map(path =>
    path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("/", "[\\\\/]"),
  );
  return new RegExp(`[\\\\/](${escaped.join("|")})`);
}

/**
 * liff-config.json is written into dist by the launcher (or the deploy step) after a build,
 * so the build must not empty dist; it clears only what it makes itself.
 */
function clearOwnOutput(): Plugin {
  let dist = "";
  return {
    name: "clear-own-output",
    apply: "build",
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      rmSync(join(dist, "assets"), { recursive: true, force: true });
      rmSync(join(dist, "index.html"), { force: true });
    },
  };
}

/**
 * The shared schemas' `described(...)` texts document the API (the eligibility check's JSON
 * Schema); the phone never shows them, and on the first screen they weighed as much as a page.
 */
function dropSchemaDescriptions(): Plugin {
  const DESCRIBED = /\bdescribed\(\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)\s*,/g;
  return {
    name: "drop-schema-descriptions",
    apply: "build",
    transform(code, id) {
      if (!/[\\/]core[\\/]src[\\/]/.test(id)) return null;
      const trimmed = code.replace(DESCRIBED, 'described("",');
      return trimmed === code ? null : { code: trimmed, map: null };
    },
  };
}

/** The LIFF SDK's chunk, and the local stack's mock of it (its build only; production has none). */
const LIFF_SDK = /^assets\/(liff-sdk|liff-mock)-[\w-]+\.js$/;

/** The first screens, by the path that opens them: index.html preloads the one opened. */
const FIRST_SCREENS: Record<string, RegExp> = {
  "/": modules("liff/src/pages/home/index.tsx"),
  "/cases": modules("liff/src/pages/case-list/index.tsx"),
  "/eligibility": modules("liff/src/pages/eligibility/index.tsx"),
};

/**
 * Starts, while the HTML is still parsing, the fetches every first screen waits for after the
 * entry has run: the language catalog (the one this phone uses: Thai unless English was
 * chosen), the screen's own chunk (the one its path opens, with what it imports that the entry
 * does not) and /liff-config.json (liff.init needs its LIFF id). Started by the entry instead,
 * each was a round trip after the entry's download and run. The config's answer is left in
 * `window.saLiffConfig` for loadLiffConfig (config/liff-config.ts) to use once.
 *
 * Opened at home, it also sends `GET /api/home` as soon as it has an ID token: the one LINE
 * hands this open in the URL's fragment (`#access_token=…&id_token=…`, where liff.init reads
 * it), or else the one the last open kept (liff/kept-id-token.ts) while that is still valid
 * for a minute more. Its answer is back before the SDK is, where it used to be asked only
 * after liff.init. `window.saEarlyHome` holds it for sendHomeEarly (api/api-client.ts), which
 * takes it only for the person LIFF then signs in. Whose token it is is read from its claims,
 * unverified: the API verifies the token with LINE.
 *
 * The LIFF SDK (LINE's code, outside the app's budget, and the largest file) is preloaded beside
 * the entry only when the app must wait for liff.init to know who the person is: no token was
 * handed to this open (an external browser; in the local stack, a tab with nobody picked yet).
 * Otherwise the app starts on that token and loads the SDK once the first screen has its data
 * (liff/liff-start.ts), so that on a slow link the SDK takes no share of it before then.
 *
 * And while the files download, with nothing else to do, it builds one Intl collator, relative
 * time and date format: the first of each in a language loads its ICU data, which took 0.1–0.15 s
 * of a 4×-slowed CPU on the home screens (the households' house-number order, "3 ชั่วโมงที่แล้ว",
 * Buddhist-era dates) once the app ran; built later, they reuse that data.
 */
function startFirstFetches(): Plugin {
  let simulator = false;
  return {
    name: "start-first-fetches",
    apply: "build",
    configResolved(config) {
      simulator = config.mode !== "production";
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const bundle = context.bundle ?? {};
        const files = Object.keys(bundle);
        const catalog = (language: string) =>
          files.find(file => file.startsWith(`assets/catalog-${language}-`));
        const [th, en] = [catalog("th"), catalog("en")];
        if (!th || !en) return [];
        const chunks = Object.values(bundle).filter(output => output.type === "chunk");
        const entry = chunks.find(chunk => chunk.isEntry);
        const loadedByEntry = staticClosure(bundle, entry ? [entry.fileName] : []);
        const sdk = files.filter(file => LIFF_SDK.test(file)).map(file => `/${file}`);
        const screens = Object.fromEntries(
          Object.entries(FIRST_SCREENS).map(([path, module]) => {
            const chunk = chunks.find(chunk => chunk.moduleIds.some(id => module.test(id)));
            const own = staticClosure(bundle, chunk ? [chunk.fileName] : []);
            return [path, [...own].filter(file => !loadedByEntry.has(file)).map(f => `/${f}`)];
          }),
        );
        const keptToken = JSON.stringify(personKey("{person}", ID_TOKEN_NAME));
        const script = [
          `window.saLiffConfig = fetch("/liff-config.json", { cache: "no-store" });`,
          `var english = false;`,
          `try { english = localStorage.getItem("${LANGUAGE_KEY}") === "en"; } catch (e) {}`,
          `var screens = ${JSON.stringify(screens)};`,
          `var path = location.pathname.replace(/(.)\\/$/, "$1");`,
          `var askHome = function (userId, idToken) {`,
          `  var response = Promise.resolve(idToken).then(function (token) {`,
          `    if (!token) return new Response(null, { status: 401 });`,
          `    var headers = { authorization: "Bearer " + token, "accept-language": english ? "en" : "th" };`,
          `    return fetch("/api/home", { headers: headers });`,
          `  });`,
          `  response.catch(function () {});`,
          `  window.saEarlyHome = { userId: userId, response: response };`,
          `};`,
          // The app's own rules for which token LINE handed and whose it is, as source text.
          `var handedIdTokenIn = ${handedIdTokenIn.toString()};`,
          `var idTokenClaims = ${idTokenClaims.toString()};`,
          `try {`,
          `  var given = handedIdTokenIn(location.search, location.hash);`,
          `  var person = localStorage.getItem("${LAST_PERSON_KEY}");`,
          `  var kept = person && JSON.parse(localStorage.getItem(${keptToken}.replace("{person}", person)));`,
          `  if (path !== "/") {`,
          `  } else if (given) {`,
          `    var sub = (idTokenClaims(given) || {}).sub;`,
          `    if (sub) askHome(sub, given);`,
          `  } else if (kept && kept.expiresAt > Date.now() + 60000) {`,
          `    askHome(person, kept.idToken);`,
          `  }`,
          `} catch (e) {}`,
          `(window.requestIdleCallback || setTimeout)(function () {`,
          `  try {`,
          `    new Intl.Collator("th");`,
          `    new Intl.RelativeTimeFormat(english ? "en" : "th");`,
          `    new Intl.DateTimeFormat(english ? "${readingLocale("en")}" : "${readingLocale("th")}").format(0);`,
          `  } catch (e) {}`,
          `});`,
          `var preload = function (href) {`,
          `  var link = document.createElement("link");`,
          `  link.rel = "modulepreload";`,
          `  link.href = href;`,
          `  document.head.appendChild(link);`,
          `};`,
          `[english ? "/${en}" : "/${th}"].concat(screens[path] || []).forEach(preload);`,
          ...(simulator ? simulatorIdToken : []),
          `if (!given${simulator ? " && !simUser" : ""}) ${JSON.stringify(sdk)}.forEach(preload);`,
        ].join("\n");
        return [{ tag: "script", children: script, injectTo: "head-prepend" as const }];
      },
    },
  };
}

/** The files `roots` import statically, themselves included. */
function staticClosure(bundle: Rollup.OutputBundle, roots: string[]): Set<string> {
  const seen = new Set<string>();
  for (const queue = [...roots]; queue.length > 0; ) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const output = bundle[file];
    if (output?.type === "chunk") queue.push(...output.imports);
  }
  return seen;
}

/**
 * The local stack only: LINE hands a LIFF app its ID token in the URL, but the stand-in gives
 * it on request, a round trip that came only after the entry had downloaded and run. For the
 * person this tab already acts as (liff-context.tsx), it is asked as soon as the config names
 * the stand-in; `window.saSimIdToken` holds the answer for mockAuth (liff/auth.ts) to use. With
 * nothing else at hand (no token in the URL, none kept) the home is asked with it, as a first
 * open in LINE asks with the URL's.
 */
const simulatorIdToken = [
  `var simUser = null;`,
  `try { simUser = JSON.parse(sessionStorage.getItem("sa.simUser") || "null"); } catch (e) {}`,
  `if (!simUser || typeof simUser.userId !== "string") simUser = null;`,
  `window.saSimIdToken = window.saLiffConfig.then(function (response) {`,
  `  return response.clone().json().then(function (config) {`,
  `    if (!config.mock || !simUser) return null;`,
  `    var url = config.lineSimulatorUrl + "/sim/users/" + encodeURIComponent(simUser.userId) + "/id-token";`,
  // No body and no content type: a request CORS lets through without asking first (a preflight
  // is one more round trip to the stand-in, which LINE's token in the URL does not cost).
  `    return fetch(url, { method: "POST" })`,
  `      .then(function (answer) { return answer.ok ? answer.json() : null; })`,
  `      .then(function (token) { return token && { userId: simUser.userId, token: token }; });`,
  `  });`,
  `}).catch(function () { return null; });`,
  `if (path === "/" && simUser && !window.saEarlyHome) {`,
  `  askHome(simUser.userId, window.saSimIdToken.then(function (sim) { return sim && sim.token.idToken; }));`,
  `}`,
];

export default defineConfig({
  plugins: [preact(), clearOwnOutput(), buildMode(), dropSchemaDescriptions(), startFirstFetches()],
  resolve: {
    // One Preact for the app and its libraries: npm may hoist another major (a peer of a dev
    // tool) to the root node_modules, where preact-iso would find it, while the app gets the
    // version pinned here; two copies break every hook ("reading '__H'").
    dedupe: ["preact"],
  },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    rollupOptions: {
      treeshake: {
        // @sa/core is one barrel of pure modules, except that a few run code when loaded
        // (the server's i18next instance, the welfare rules check). The app imports only
        // schemas and helpers, so the rest must be dropped even though it "has effects".
        moduleSideEffects: (id: string) => !/[\\/]core[\\/](src|rules)[\\/]/.test(id),
      },
      output: {
        // Lazy chunks named after their folder ("who-am-i", not "index"), so that
        // scripts/check-size.mjs can tell which ones never load in production.
        chunkFileNames: chunk => {
          const id = chunk.facadeModuleId ?? "";
          const catalog = /[\\/]catalogs[\\/](\w+)\.ts$/.exec(id)?.[1];
          const folder = /[\\/]([\w-]+)[\\/]index\.tsx?$/.exec(id)?.[1];
          const name = catalog ? `catalog-${catalog}` : (folder ?? "[name]");
          return `assets/${name}-[hash].js`;
        },
        codeSplitting: {
          groups: [
            // The LIFF SDK is large and changes on its own schedule: its own cached chunk.
            // With the module list that picks its parts (the pluggable SDK, liff-modules.ts).
            {
              name: "liff-sdk",
              test: /node_modules[\\/](@line[\\/]liff[\\/]|@liff[\\/])|[\\/]liff-modules\.ts$/,
            },
            // Only the local stack loads the mock; only registration and the staff pages (district
            // filter, province names) load the directory.
            { name: "liff-mock", test: /node_modules[\\/]@line[\\/]liff-mock[\\/]/ },
            // The chart library: fetched only when the staff dashboard opens.
            { name: "chartist", test: /node_modules[\\/]chartist[\\/]/ },
            // What the entry runs before any screen, in one file ("$initial": the modules it
            // imports statically, as used). Left alone, rolldown split what the entry shares with
            // the lazy pages into a chunk per set of importers: the schemas, Preact, the LIFF
            // context, Vite's preload helper... eight files before a screen's own, and on a slow
            // link each file costs more than its bytes. It outranks the groups below, so the
            // address directory's cannot take the preload helper it imports too (index.html
            // would then preload the whole directory on every first screen).
            { name: "app", tags: ["$initial"], priority: 2 },
            // The two small modules every first screen uses beside the app, in one file.
            {
              name: "first-screens",
              test: modules("core/src/dates.ts", "liff/src/components/field/field-frame.tsx"),
              includeDependenciesRecursively: false,
            },
            // Each first screen is a lazy chunk (app.tsx) that index.html preloads by path. Left
            // alone, what a screen shares with the later pages became a dozen small chunks of its
            // own. These two groups keep each screen in one chunk: the homes (a volunteer's and a
            // staff member's) with what they share, and the forms' common parts, which the
            // eligibility form loads. Only the modules named, not what they import: much of that
            // is the entry's, and the entry would then import the whole group.
            {
              name: "home",
              test: modules(
                ...["home/", "case-list/", "households-to-visit/", "staff-queue/"].map(
                  page => `liff/src/pages/${page}`,
                ),
                "liff/src/pages/case-detail/place-name.ts",
                "liff/src/forms/save-file.ts",
                "liff/src/forms/time-ago.ts",
                "liff/src/components/staff-nav/",
                "liff/src/components/title-row/",
                "liff/src/components/loading/",
                "liff/src/components/field/select-field.tsx",
                "liff/src/api/staff-endpoints.ts",
                "liff/src/api/household-endpoints.ts",
                "core/src/api/staff.ts",
                "core/src/api/duty.ts",
                "core/src/duty-roster.ts",
                "core/src/api/household-visits.ts",
              ),
              includeDependenciesRecursively: false,
            },
            {
              name: "form-kit",
              test: modules(
                "liff/src/components/field/text-field.tsx",
                "liff/src/components/field/choice-group.tsx",
                "liff/src/components/error-summary/",
                "liff/src/forms/problems.ts",
                "liff/src/forms/numbers.ts",
                "liff/src/offline/use-draft.ts",
                "liff/src/offline/client-id.ts",
                "liff/src/api/eligibility-endpoints.ts",
                "core/src/welfare/messages.ts",
                "core/src/welfare/response-schema.ts",
                "core/src/welfare/ids.ts",
                "core/src/welfare/profile-schema.ts",
                "core/src/welfare/iso-date.ts",
              ),
              includeDependenciesRecursively: false,
            },
            // The directory's data files stay separate chunks: it loads only the ones it needs.
            {
              name: "address-directory",
              test: /node_modules[\\/]thai-address-universal[\\/]dist[\\/]esm[\\/]index\.js/,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
});
