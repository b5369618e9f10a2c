import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { simApi } from "./api";
import type { ChatItem } from "./conversation";
import type { MessagesAnswer } from "./types";

const POLL_MS = 700;

/**
 * The conversation of one simulated user, polled from the stand-in's log. `pollNow` fetches at
 * once (after the user sent something); `addCall` notes a tel: link the user tapped.
 */
export function useConversation(userId: string | null) {
  const [items, setItems] = useState<ChatItem[]>([]);
  const [typing, setTyping] = useState(false);
  const after = useRef(0);
  // Answers for a user the page has left are dropped.
  const generation = useRef(0);
  const calls = useRef(0);
  const shownUser = useRef(userId);
  shownUser.current = userId;

  const fetchNew = useCallback(async (gen: number, user: string) => {
    try {
      const res = await simApi<MessagesAnswer>(
        "GET",
        `/sim/users/${user}/messages?after=${after.current}`,
      );
      if (gen !== generation.current || !res.ok || !res.data) return;
      const fresh = res.data.messages.filter(entry => entry.seq > after.current);
      if (fresh.length > 0) {
        after.current = fresh[fresh.length - 1]!.seq;
        setItems(old => [...old, ...fresh.map(entry => ({ kind: "entry" as const, entry }))]);
      }
      setTyping(Boolean(res.data.loadingUntil));
    } catch {
      // The stand-in may be restarting; keep polling.
    }
  }, []);

  useEffect(() => {
    generation.current += 1;
    const gen = generation.current;
    after.current = 0;
    setItems([]);
    setTyping(false);
    if (!userId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      await fetchNew(gen, userId);
      if (gen === generation.current) timer = setTimeout(loop, POLL_MS);
    };
    void loop();
    return () => clearTimeout(timer);
  }, [userId, fetchNew]);

  // Read through a ref: the caller may hold a callback from before the user was switched.
  const pollNow = useCallback(
    (user: string) => {
      if (user === shownUser.current) void fetchNew(generation.current, user);
    },
    [fetchNew],
  );

  const addCall = useCallback((uri: string) => {
    calls.current += 1;
    setItems(old => [...old, { kind: "call", key: calls.current, uri }]);
  }, []);

  return { items, typing, pollNow, addCall };
}
