import { LocationCard, SafeImage, TextBubble } from "./basics";
import { clickableProps, useChat } from "./chat-context";
import { FlexContainer } from "./flex-message";
import { STICKER_FACES } from "./safe-values";
import { TemplateMessage } from "./template-message";
import type { BotLogMessage, UserLogMessage } from "./types";

/** One LINE message object from the bot, drawn roughly as the LINE app does. */
export function BotMessage({ message }: { message: BotLogMessage }) {
  const handlers = useChat();
  switch (message.type) {
    case "text":
      return <TextBubble text={message.text} />;
    case "textV2":
      return <TextBubble text={withSubstitutions(message)} />;
    case "sticker":
      return <div class="sticker">{STICKER_FACES[message.stickerId] ?? "🧸"}</div>;
    case "image":
      return (
        <SafeImage
          url={message.previewImageUrl || message.originalContentUrl}
          className="photo clickable"
          alt="image"
          {...clickableProps(handlers, { type: "uri", uri: message.originalContentUrl })}
        />
      );
    case "video":
    case "audio":
      return (
        <TextBubble
          text={message.type === "video" ? "🎬 video" : "🔊 audio"}
          class="bubble clickable"
          {...clickableProps(handlers, { type: "uri", uri: message.originalContentUrl })}
        />
      );
    case "location":
      return <LocationCard {...message} />;
    case "imagemap":
      return <TextBubble text={`🗺 ${message.altText || "imagemap"}`} />;
    case "template":
      return <TemplateMessage template={message.template} altText={message.altText} />;
    case "flex":
      return <FlexContainer container={message.contents} />;
    default:
      return <TextBubble text={`[${message.type}]`} />;
  }
}

/** A textV2 message's {key} placeholders as LINE fills them for the reader. */
function withSubstitutions(message: Extract<BotLogMessage, { type: "textV2" }>): string {
  return String(message.text).replace(/\{([a-zA-Z0-9_]+)\}/g, (all, key: string) => {
    const sub = message.substitution?.[key];
    if (!sub) return all;
    if (sub.type === "mention") return `@${sub.mentionee.type === "all" ? "All" : "you"}`;
    return "🙂";
  });
}

/** What the simulated user sent, in their own (green) bubble. */
export function UserMessage({ message }: { message: UserLogMessage }) {
  switch (message.type) {
    case "text":
      return <TextBubble text={message.text} />;
    case "postback":
      return <TextBubble text={message.displayText} />;
    case "image":
      return (
        <SafeImage
          url={`/sim/content/${encodeURIComponent(message.id ?? "")}`}
          className="photo"
          alt="photo"
        />
      );
    case "location":
      return <LocationCard {...message} />;
    case "sticker":
      return <div class="sticker">{STICKER_FACES[message.stickerId ?? ""] ?? "🧸"}</div>;
    case "file":
      return <TextBubble text={`📎 ${message.fileName}`} />;
    case "audio":
      return <TextBubble text="🔊 audio" />;
    case "video":
      return <TextBubble text="🎬 video" />;
    default:
      return <TextBubble text={`[${message.type}]`} />;
  }
}
