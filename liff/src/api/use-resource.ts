import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import * as z from "zod/mini";
import { readJson, writeJson } from "../storage/local-json";
import { NetworkError } from "./api-error";

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When the data shown is the copy saved on the phone (no network): when it was saved. */
  savedAt: string | undefined;
  reload(): void;
}

/**
 * Loads data for a screen. With a cache key, the last answer is kept on the phone and shown
 * when there is no network, so a volunteer in a dead spot still sees the case they opened.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  cache?: { key: string; schema: z.ZodMiniType<T> },
): Resource<T> {
  const [state, setState] = useState<Omit<Resource<T>, "reload">>({
    data: undefined,
    error: undefined,
    loading: true,
    savedAt: undefined,
  });
  const generation = useRef(0);

  const run = useCallback(() => {
    const mine = ++generation.current;
    setState(previous => ({ ...previous, loading: true, error: undefined }));
    load().then(
      data => {
        if (mine !== generation.current) return;
        if (cache) writeJson(cache.key, { savedAt: new Date().toISOString(), data });
        setState({ data, error: undefined, loading: false, savedAt: undefined });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        const saved =
          cache && error instanceof NetworkError
            ? readJson(cache.key, z.object({ savedAt: z.string(), data: cache.schema }))
            : undefined;
        if (saved) {
          setState({
            data: saved.data as T,
            error: undefined,
            loading: false,
            savedAt: saved.savedAt,
          });
        } else {
          setState({ data: undefined, error, loading: false, savedAt: undefined });
        }
      },
    );
  }, deps);

  useEffect(() => {
    run();
    return () => {
      generation.current++;
    };
  }, [run]);

  return { ...state, reload: run };
}
