import { useEffect, useState } from "preact/hooks";

/**
 * Case photos, voice notes and videos need the Bearer token, so an <img>/<audio> src cannot
 * fetch them: fetch the blob, show it from an object URL, and free that URL when done.
 */
export function useBlobUrl(
  load: () => Promise<Blob>,
  deps: unknown[],
): { url: string | null; failed: boolean } {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    load().then(
      blob => {
        if (!live) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, deps);

  return { url, failed };
}
