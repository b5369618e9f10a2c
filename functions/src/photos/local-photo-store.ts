import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, extname, join, resolve, sep } from "node:path";
import type { PhotoStore } from "./photo-store";

const CONTENT_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
};

export function createLocalPhotoStore(root: string): PhotoStore {
  const base = resolve(root);
  const fileFor = (path: string) => {
    const file = resolve(join(base, path));
    // Paths are built from LINE ids, but a path must never leave the photo folder.
    if (!file.startsWith(base + sep)) throw new Error("photo path outside the store");
    return file;
  };
  return {
    async save(path, bytes) {
      const file = fileFor(path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
      return path;
    },
    async remove(path) {
      await rm(fileFor(path), { force: true });
    },
    async read(path) {
      try {
        const bytes = await readFile(fileFor(path));
        return { bytes, contentType: CONTENT_TYPES[extname(path)] ?? "application/octet-stream" };
      } catch {
        return undefined;
      }
    },
  };
}
