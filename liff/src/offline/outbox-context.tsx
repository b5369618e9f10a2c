import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useMemo, useState } from "preact/hooks";
import { NetworkError } from "../api/api-error";
import { useLiff } from "../liff/liff-context";
import { Outbox, type OutboxItem } from "./outbox";
import { personKey } from "../storage/phone-keys";

interface OutboxState {
  outbox: Outbox;
  items: readonly OutboxItem[];
}

const OutboxContext = createContext<OutboxState | null>(null);

/** One outbox per LINE user on this phone: a shared phone never sends one person's work as another. */
export function OutboxProvider({ children }: { children: ComponentChildren }) {
  const { api, auth } = useLiff();
  const outbox = useMemo(
    () =>
      new Outbox({
        storageKey: personKey(auth.userId, "outbox"),
        send: async item => {
          // Loaded when there is something to send, not on the first screen; the pages a
          // volunteer opens next load it too (later-pages.ts). Not loaded is a network failure,
          // retried as one.
          const { postEntry } = await import("../api/case-endpoints").catch((error: unknown) => {
            throw new NetworkError(String(error));
          });
          await postEntry(api, item);
        },
      }),
    [api, auth.userId],
  );
  const [items, setItems] = useState(outbox.list());

  useEffect(() => {
    setItems(outbox.list());
    const unsubscribe = outbox.subscribe(() => setItems(outbox.list()));
    const stop = outbox.start();
    return () => {
      unsubscribe();
      stop();
    };
  }, [outbox]);

  const value = useMemo(() => ({ outbox, items }), [outbox, items]);
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): OutboxState {
  const state = useContext(OutboxContext);
  if (!state) throw new Error("useOutbox must be used inside <OutboxProvider>");
  return state;
}
