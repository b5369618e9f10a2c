import { loadAreaDirectory, type AreaDirectory } from "@sa/core";
import type { Firestore } from "firebase-admin/firestore";
import { lineIdTokenVerifier, type IdTokenVerifier } from "../auth/id-token-verifier";
import { liffBaseUrl, lineApiBaseUrl, lineLoginChannelId } from "../config";
import type { PhotoStore } from "../photos/photo-store";
import { firestore, photoStore } from "../runtime";

export interface ApiDeps {
  db: Firestore;
  photos: PhotoStore;
  areas: AreaDirectory;
  verifyIdToken: IdTokenVerifier;
  now: () => Date;
  liffBaseUrl: string;
}

let deps: Promise<ApiDeps> | undefined;

/** Built once per instance, on the first request that needs it (params are read then). */
export function apiDeps(): Promise<ApiDeps> {
  deps ??= (async (): Promise<ApiDeps> => ({
    db: firestore(),
    photos: photoStore(),
    areas: await loadAreaDirectory(),
    verifyIdToken: lineIdTokenVerifier({
      apiBaseUrl: lineApiBaseUrl.value(),
      channelId: lineLoginChannelId.value(),
    }),
    now: () => new Date(),
    liffBaseUrl: liffBaseUrl.value(),
  }))().catch(error => {
    deps = undefined;
    throw error;
  });
  return deps;
}
