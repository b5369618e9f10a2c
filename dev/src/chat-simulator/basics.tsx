import type { ComponentChildren, JSX } from "preact";
import { useState } from "preact/hooks";
import { useChat } from "./chat-context";
import { safeUrl } from "./safe-values";

const BROKEN_IMAGE =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#d7dde6"/>' +
      '<path d="M11 27l6-8 5 6 3-4 5 6z" fill="#9aa6b8"/><circle cx="26" cy="14" r="2.5" fill="#9aa6b8"/></svg>',
  );

type ImgProps = Omit<JSX.HTMLAttributes<HTMLImageElement>, "src" | "alt" | "class">;

/**
 * An image from a message. Bot images often live on hosts this machine cannot reach: a
 * placeholder then stands in, once.
 */
export function SafeImage(
  props: { url: unknown; className?: string; alt?: string; onBroken?: () => void } & ImgProps,
) {
  const { url, className, alt, onBroken, ...rest } = props;
  const { followBottom } = useChat();
  const [broken, setBroken] = useState(false);
  const src = safeUrl(url);
  const classes = [className, broken && "broken"].filter(Boolean).join(" ");
  return (
    <img
      {...rest}
      class={classes || undefined}
      alt={alt ?? ""}
      loading="lazy"
      src={broken ? BROKEN_IMAGE : src || undefined}
      onLoad={followBottom}
      onError={() => {
        if (broken) return;
        setBroken(true);
        onBroken?.();
      }}
    />
  );
}

const LINK_PATTERN = /(tel:\+?[0-9][0-9-]*|https?:\/\/[^\s<>"]+)/g;

/** Text with line breaks kept and tel:/http(s) links made clickable. */
export function Linkified({ text }: { text: unknown }) {
  const source = text === undefined || text === null ? "" : String(text);
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const match of source.matchAll(LINK_PATTERN)) {
    const found = match[0];
    if (match.index > last) parts.push(source.slice(last, match.index));
    const isTel = found.startsWith("tel:");
    parts.push(
      <a
        class="link"
        href={found}
        {...(!isTel && { target: "_blank", rel: "noopener noreferrer" })}
      >
        {isTel ? found.slice(4) : found}
      </a>,
    );
    last = match.index + found.length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return <>{parts}</>;
}

export function TextBubble({ text, ...rest }: { text: unknown } & Record<string, unknown>) {
  return (
    <div class="bubble" {...rest}>
      <Linkified text={text} />
    </div>
  );
}

export function LocationCard(props: {
  title?: string | undefined;
  address?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
}) {
  return (
    <div class="bubble location">
      <div class="loc-pin">📍</div>
      <div class="loc-info">
        {props.title && <div class="loc-title">{props.title}</div>}
        {props.address && <div class="loc-address">{props.address}</div>}
        <div class="loc-coords">
          {Number(props.latitude).toFixed(4)}, {Number(props.longitude).toFixed(4)}
        </div>
      </div>
    </div>
  );
}
