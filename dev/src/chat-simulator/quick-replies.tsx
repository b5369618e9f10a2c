import type { messagingApi } from "@line/bot-sdk";
import { useChat } from "./chat-context";
import { actionLabel } from "./safe-values";

/** LINE shows quick reply buttons only under the newest message, and only until the user acts. */
export function QuickReplies({ items }: { items: messagingApi.QuickReplyItem[] | null }) {
  const { doAction } = useChat();
  return (
    <div id="quick" class="quick" hidden={!items}>
      {(items ?? []).map((item, i) => {
        const type = item.action?.type;
        return (
          <button key={i} type="button" class="chip" onClick={() => doAction(item.action)}>
            {type === "location" && <span class="chip-icon">📍</span>}
            {(type === "camera" || type === "cameraRoll") && <span class="chip-icon">📷</span>}
            {actionLabel(item.action)}
          </button>
        );
      })}
    </div>
  );
}
