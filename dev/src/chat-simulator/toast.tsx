import { useCallback, useRef, useState } from "preact/hooks";

/** A short note over the chat; errors stay longer. */
export function useToast() {
  const [toast, setToast] = useState({ text: "", shown: false, error: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback((text: string, error = false) => {
    setToast({ text, shown: true, error });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(t => ({ ...t, shown: false })), error ? 6000 : 2500);
  }, []);
  const view = (
    <div
      id="toast"
      role="status"
      class={toast.shown ? (toast.error ? "show error" : "show") : undefined}
    >
      {toast.text}
    </div>
  );
  return { show, view };
}
