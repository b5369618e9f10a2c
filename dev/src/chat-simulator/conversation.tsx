import type { ComponentChildren } from "preact";
import { clockOf } from "./api";
import { BotMessage, UserMessage } from "./messages";
import type { LogEntry } from "./types";

/** An entry of the conversation log, or a note the page adds itself (a call LINE would place). */
export type ChatItem =
  | { kind: "entry"; entry: LogEntry }
  | { kind: "call"; key: number; uri: string };

/** The conversation: each bot run starts with the avatar, as LINE groups messages. */
export function Conversation({ items }: { items: ChatItem[] }) {
  let previousFrom: LogEntry["from"] | null = null;
  return (
    <>
      {items.map(item => {
        if (item.kind === "call") {
          return (
            <div key={`call-${item.key}`} class="system">
              <a class="link" href={item.uri}>
                📞 โทร / call {item.uri.slice(4)}
              </a>
            </div>
          );
        }
        const first = previousFrom !== "bot";
        previousFrom = item.entry.from;
        return <Entry key={item.entry.seq} entry={item.entry} first={first} />;
      })}
    </>
  );
}

function Entry({ entry, first }: { entry: LogEntry; first: boolean }) {
  if (entry.from === "bot") {
    const sender = entry.message.sender?.name;
    return (
      <Row kind={first ? "from-bot first" : "from-bot"} at={entry.at}>
        {sender && <div class="sender">{sender}</div>}
        <BotMessage message={entry.message} />
      </Row>
    );
  }
  const m = entry.message;
  if (m.type === "follow") {
    return (
      <div class="system">
        {m.isUnblocked
          ? "คุณเลิกบล็อกบัญชีนี้แล้ว · unblocked"
          : "คุณเพิ่มเพื่อนแล้ว · you added the account"}
      </div>
    );
  }
  if (m.type === "unfollow")
    return <div class="system">คุณบล็อกบัญชีนี้แล้ว · you blocked the account</div>;
  if (m.type === "postback" && !m.displayText) {
    return (
      <div class="system faint">
        {`postback ${m.data}${m.params ? ` ${JSON.stringify(m.params)}` : ""}`}
      </div>
    );
  }
  return (
    <Row kind="from-user" at={entry.at}>
      <UserMessage message={m} />
    </Row>
  );
}

function Row({ kind, at, children }: { kind: string; at: string; children: ComponentChildren }) {
  return (
    <div class={`row ${kind}`}>
      {kind.startsWith("from-bot") && (
        <div class="avatar" aria-hidden="true">
          พม
        </div>
      )}
      <div class="content">{children}</div>
      <div class="time">{clockOf(at)}</div>
    </div>
  );
}
