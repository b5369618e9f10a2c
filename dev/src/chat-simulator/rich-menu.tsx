import { useEffect, useState } from "preact/hooks";
import { SafeImage } from "./basics";
import { useChat } from "./chat-context";
import { simApi } from "./api";
import { actionLabel } from "./safe-values";
import type { RichMenuView } from "./types";

const POLL_MS = 2500;

/** The rich menu LINE shows this user (their own, else the default), polled from the stand-in. */
export function useRichMenu(userId: string | null): RichMenuView | null {
  const [view, setView] = useState<RichMenuView | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownKey = "";
    const poll = async () => {
      try {
        const res = await simApi<RichMenuView>(
          "GET",
          `/sim/richmenu${userId ? `?userId=${userId}` : ""}`,
        );
        const data = res.data;
        if (!stopped && res.ok && data) {
          const key = data.richMenu ? `${data.richMenu.richMenuId}:${data.hasImage}` : "";
          if (key !== shownKey) {
            shownKey = key;
            setView(data);
          }
        }
      } catch {
        // Keep polling.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [userId]);
  return view;
}

/**
 * The menu under the chat. Its picture carries its own words (drawn by npm run setup:line);
 * the areas are buttons over it, labelled for screen readers and shown when there is no picture.
 */
export function RichMenu(props: {
  view: RichMenuView | null;
  open: boolean;
  onToggle: () => void;
}) {
  const { doAction } = useChat();
  const [imageFailed, setImageFailed] = useState(false);
  const menu = props.view?.richMenu;
  const imageUrl = props.view?.imageUrl;
  useEffect(() => setImageFailed(false), [menu?.richMenuId, imageUrl]);
  if (!menu) return <section id="richmenu" hidden />;
  const width = menu.size?.width || 2500;
  const height = menu.size?.height || 1686;
  const noImage = !imageUrl || imageFailed;
  return (
    <section id="richmenu">
      <div
        id="richmenu-grid"
        class={noImage ? "no-image" : undefined}
        hidden={!props.open}
        style={{ aspectRatio: `${width} / ${height}` }}
      >
        {imageUrl && (
          <SafeImage
            key={imageUrl}
            url={imageUrl}
            className="richmenu-image"
            alt={menu.name || "rich menu"}
            onBroken={() => setImageFailed(true)}
          />
        )}
        {(menu.areas ?? []).map((area, i) => {
          const b = area.bounds ?? { x: 0, y: 0, width: 0, height: 0 };
          const label = actionLabel(area.action);
          return (
            <button
              key={i}
              type="button"
              class="area"
              title={label}
              aria-label={label}
              style={{
                left: `${(100 * (b.x ?? 0)) / width}%`,
                top: `${(100 * (b.y ?? 0)) / height}%`,
                width: `${(100 * (b.width ?? 0)) / width}%`,
                height: `${(100 * (b.height ?? 0)) / height}%`,
              }}
              onClick={() => doAction(area.action)}
            >
              <span class="area-label">{label}</span>
            </button>
          );
        })}
      </div>
      <button id="richmenu-bar" type="button" onClick={props.onToggle}>
        <span id="richmenu-label">{menu.chatBarText || "Menu"}</span>{" "}
        <span id="richmenu-arrow">{props.open ? "▾" : "▴"}</span>
      </button>
    </section>
  );
}
