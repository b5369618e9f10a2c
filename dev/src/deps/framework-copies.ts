import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Frameworks that must exist once: two Preacts break every hook ("reading '__H'"), two
 * firebase-admins keep two app registries, two bot SDKs two sets of types and clients.
 */
export const SINGLE_COPY = ["preact", "firebase-admin", "@line/bot-sdk"];

/** Every installed copy of each package in `names`: its folder and version. */
export function installedCopies(
  root: string,
  names: readonly string[] = SINGLE_COPY,
): Map<string, { dir: string; version: string }[]> {
  const found = new Map(names.map(name => [name, [] as { dir: string; version: string }[]]));
  const visit = (nodeModules: string) => {
    if (!existsSync(nodeModules)) return;
    for (const entry of readdirSync(nodeModules)) {
      if (entry.startsWith(".")) continue;
      const scoped = entry.startsWith("@");
      const packages = scoped
        ? readdirSync(join(nodeModules, entry)).map(name => `${entry}/${name}`)
        : [entry];
      for (const name of packages) {
        const dir = join(nodeModules, name);
        // Workspace links (node_modules/@sa/liff → liff): their folders are visited below.
        if (lstatSync(dir).isSymbolicLink()) continue;
        const manifest = join(dir, "package.json");
        if (found.has(name) && existsSync(manifest)) {
          found
            .get(name)!
            .push({ dir, version: JSON.parse(readFileSync(manifest, "utf8")).version });
        }
        visit(join(dir, "node_modules"));
      }
    }
  };
  visit(join(root, "node_modules"));
  // Workspaces keep their own node_modules for versions that differ from the root's.
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  for (const workspace of workspaces as string[]) visit(join(root, workspace, "node_modules"));
  return found;
}

/** "preact: 10.29.8 (liff/node_modules/preact), 11.2.0 (node_modules/preact)" per offender. */
export function duplicateMajors(root: string, names: readonly string[] = SINGLE_COPY): string[] {
  const problems: string[] = [];
  for (const [name, copies] of installedCopies(root, names)) {
    const majors = new Set(copies.map(copy => copy.version.split(".")[0]));
    if (majors.size > 1) {
      const where = copies.map(c => `${c.version} (${c.dir.slice(root.length + 1)})`).join(", ");
      problems.push(`${name}: ${where}`);
    }
  }
  return problems;
}
