import type { messagingApi } from "@line/bot-sdk";
import type { JSX } from "preact";
import { SafeImage, Linkified } from "./basics";
import { clickableProps, useChat } from "./chat-context";
import { actionLabel, length, safeColor } from "./safe-values";
import type { Action } from "./types";

type Style = JSX.CSSProperties;
type Layout = "vertical" | "horizontal" | "baseline";

// Sizes in pixels for LINE's keywords, as the LINE app draws them on a phone.
const FX_TEXT = {
  xxs: 11,
  xs: 13,
  sm: 14,
  md: 16,
  lg: 19,
  xl: 22,
  xxl: 29,
  "3xl": 35,
  "4xl": 48,
  "5xl": 74,
};
const FX_SPACE = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const FX_IMAGE = {
  xxs: 40,
  xs: 60,
  sm: 80,
  md: 100,
  lg: 120,
  xl: 140,
  xxl: 160,
  "3xl": 180,
  "4xl": 200,
  "5xl": 220,
};
const FX_ICON = FX_TEXT;
const FX_BUBBLE = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
const FX_BORDER = { none: 0, light: 0.5, normal: 1, medium: 2, "semi-bold": 3, bold: 4 };
const FX_RADIUS = FX_SPACE;
const BLOCK_PADDING = { header: 20, hero: 0, body: 20, footer: 10 };
const BLOCKS = ["header", "hero", "body", "footer"] as const;
const GRAVITY: Record<string, string> = { top: "flex-start", bottom: "flex-end", center: "center" };
const TEXT_ALIGN: Record<string, string> = { start: "left", end: "right", center: "center" };
const IMAGE_ALIGN: Record<string, string> = { start: "flex-start", end: "flex-end" };
const JUSTIFY = [
  "flex-start",
  "flex-end",
  "center",
  "space-between",
  "space-around",
  "space-evenly",
];

/** The properties LINE's reference gives most components (not every one has each). */
interface Common {
  flex?: number;
  gravity?: string;
  position?: string;
  offsetTop?: string;
  offsetBottom?: string;
  offsetStart?: string;
  offsetEnd?: string;
  margin?: string;
  action?: Action;
}

type Component = messagingApi.FlexComponent & Common;

export function FlexContainer({ container }: { container: messagingApi.FlexContainer }) {
  if (container.type === "carousel") {
    return (
      <div class="carousel">
        {container.contents.map((bubble, i) => (
          <Bubble key={i} bubble={bubble} />
        ))}
      </div>
    );
  }
  return <Bubble bubble={container} />;
}

function Bubble({ bubble }: { bubble: messagingApi.FlexBubble }) {
  const handlers = useChat();
  const styles = bubble.styles ?? {};
  return (
    <div
      class={bubble.action ? "fx-bubble clickable" : "fx-bubble"}
      style={{ width: `${FX_BUBBLE[bubble.size ?? "mega"] ?? FX_BUBBLE.mega}px` }}
      dir={bubble.direction === "rtl" ? "rtl" : undefined}
      {...clickableProps(handlers, bubble.action)}
    >
      {BLOCKS.map(part => {
        const content = bubble[part];
        if (!content) return null;
        const style = styles[part] ?? {};
        const blockStyle: Style = {};
        if (safeColor(style.backgroundColor)) blockStyle.backgroundColor = style.backgroundColor;
        if (style.separator) {
          blockStyle.borderTop = `1px solid ${safeColor(style.separatorColor) || "#e5e5e5"}`;
        }
        const outer: Style = {};
        if (part !== "hero" && !hasPadding(content)) {
          outer.padding = `${BLOCK_PADDING[part]}px`;
          if (part === "body" && bubble.footer) outer.paddingBottom = "10px";
        }
        return (
          <div key={part} class={`fx-block fx-${part}`} style={blockStyle}>
            <FlexComponent c={content} parentLayout="vertical" outer={outer} />
          </div>
        );
      })}
    </div>
  );
}

function hasPadding(c: messagingApi.FlexComponent): boolean {
  const box = c as Partial<messagingApi.FlexBox>;
  return [box.paddingAll, box.paddingTop, box.paddingBottom, box.paddingStart, box.paddingEnd].some(
    value => value !== undefined,
  );
}

/**
 * One component. `outer` is what its box decides for it (the gap before it, a block's
 * padding): it wins over the component's own layout, as LINE's margin does.
 */
function FlexComponent(props: { c: Component; parentLayout: Layout; outer?: Style }) {
  const { c, parentLayout } = props;
  const handlers = useChat();
  const style: Style = { ...commonStyle(c, parentLayout), ...props.outer };
  const action = c.type !== "button" ? c.action : undefined;
  const tap = clickableProps(handlers, action);
  const withTap = (className: string) => (action ? `${className} clickable` : className);
  switch (c.type) {
    case "box":
      return (
        <Box
          box={c}
          style={style}
          className={withTap(`fx-box fx-${c.layout || "vertical"}`)}
          tap={tap}
        />
      );
    case "text":
      return <Text c={c} style={style} className={withTap("fx-text")} tap={tap} />;
    case "button":
      return <Button c={c} style={style} />;
    case "image":
      return <Image c={c} style={style} className={withTap("fx-image")} tap={tap} />;
    case "icon": {
      const size = length(c.size || "md", FX_ICON);
      return (
        <SafeImage
          url={c.url}
          className={withTap("fx-icon")}
          style={{ width: size, height: size, ...style }}
          {...tap}
        />
      );
    }
    case "separator":
      return (
        <div
          class={withTap(parentLayout === "vertical" ? "fx-sep-h" : "fx-sep-v")}
          style={{ ...(safeColor(c.color) && { borderColor: c.color }), ...style }}
          {...tap}
        />
      );
    case "filler":
      return <div class={withTap("fx-filler")} style={style} {...tap} />;
    case "video":
      return c.altContent ? (
        <FlexComponent c={c.altContent} parentLayout={parentLayout} outer={style} />
      ) : (
        <div class="fx-text" style={style}>
          🎬
        </div>
      );
    default: {
      // "spacer" (retired by LINE, still sent by old bots) and anything newer.
      const other = c as { type: string; size?: string };
      if (other.type === "spacer") {
        return (
          <div
            class="fx-spacer"
            style={{ height: length(other.size || "md", FX_SPACE), ...style }}
          />
        );
      }
      return (
        <div class="fx-text" style={style}>
          [{other.type}]
        </div>
      );
    }
  }
}

/** flex, alignment and offsets, which every component takes from where it sits. */
function commonStyle(c: Component, parentLayout: Layout): Style {
  const style: Style = {};
  const grow =
    c.flex !== undefined
      ? Number(c.flex)
      : c.type === "filler"
        ? 1
        : parentLayout === "vertical"
          ? 0
          : 1;
  if (c.type !== "separator") style.flex = grow > 0 ? `${grow} 0 0` : "0 0 auto";
  if (parentLayout !== "vertical" && grow > 0 && c.type !== "filler") style.minWidth = "0";
  const align = GRAVITY[c.gravity ?? ""];
  if (align && parentLayout === "horizontal") style.alignSelf = align;
  if (c.position === "absolute") {
    style.position = "absolute";
    style.top = length(c.offsetTop, FX_SPACE);
    style.bottom = length(c.offsetBottom, FX_SPACE);
    style.left = length(c.offsetStart, FX_SPACE);
    style.right = length(c.offsetEnd, FX_SPACE);
  } else {
    if (c.offsetTop) style.marginTop = length(c.offsetTop, FX_SPACE);
    if (c.offsetStart) style.marginLeft = length(c.offsetStart, FX_SPACE);
  }
  return style;
}

interface Drawn {
  style: Style;
  className: string;
  tap: Record<string, unknown>;
}

function Box({ box, style, className, tap }: Drawn & { box: messagingApi.FlexBox }) {
  const layout: Layout = box.layout || "vertical";
  const own: Style = {};
  if (safeColor(box.backgroundColor)) own.backgroundColor = box.backgroundColor;
  const background = box.background;
  if (background?.type === "linearGradient") {
    const start = safeColor(background.startColor);
    const end = safeColor(background.endColor);
    const angle = /^\d+(\.\d+)?deg$/.test(background.angle ?? "") ? background.angle : "0deg";
    if (start && end) own.backgroundImage = `linear-gradient(${angle}, ${start}, ${end})`;
  }
  if (box.borderWidth !== undefined) {
    own.borderStyle = "solid";
    own.borderWidth = length(box.borderWidth, FX_BORDER);
    own.borderColor = safeColor(box.borderColor) || "#000";
  }
  if (box.cornerRadius !== undefined) own.borderRadius = length(box.cornerRadius, FX_RADIUS);
  if (box.width) own.width = length(box.width);
  if (box.height) own.height = length(box.height);
  if (box.maxWidth) own.maxWidth = length(box.maxWidth);
  if (box.paddingAll !== undefined) own.padding = length(box.paddingAll, FX_SPACE);
  if (box.paddingTop !== undefined) own.paddingTop = length(box.paddingTop, FX_SPACE);
  if (box.paddingBottom !== undefined) own.paddingBottom = length(box.paddingBottom, FX_SPACE);
  if (box.paddingStart !== undefined) own.paddingLeft = length(box.paddingStart, FX_SPACE);
  if (box.paddingEnd !== undefined) own.paddingRight = length(box.paddingEnd, FX_SPACE);
  if (box.justifyContent && JUSTIFY.includes(box.justifyContent))
    own.justifyContent = box.justifyContent;
  if (box.alignItems && JUSTIFY.includes(box.alignItems)) own.alignItems = box.alignItems;
  const gap = FX_SPACE[(box.spacing ?? "") as keyof typeof FX_SPACE] ?? 0;
  return (
    <div class={className} style={{ ...own, ...style }} {...tap}>
      {(box.contents ?? []).map((child: Component, i) => {
        const margin =
          child.margin !== undefined
            ? length(child.margin, FX_SPACE)
            : i > 0 && gap
              ? `${gap}px`
              : "";
        const outer: Style = {};
        if (margin && child.position !== "absolute") {
          if (layout === "vertical") outer.marginTop = margin;
          else outer.marginLeft = margin;
        }
        return <FlexComponent key={i} c={child} parentLayout={layout} outer={outer} />;
      })}
    </div>
  );
}

function Text({ c, style, className, tap }: Drawn & { c: messagingApi.FlexText }) {
  const own: Style = { fontSize: length(c.size || "md", FX_TEXT) };
  if (c.weight === "bold") own.fontWeight = "700";
  if (safeColor(c.color)) own.color = c.color;
  if (c.style === "italic") own.fontStyle = "italic";
  if (c.decoration && c.decoration !== "none") own.textDecoration = c.decoration;
  const align = TEXT_ALIGN[c.align ?? ""];
  if (align) own.textAlign = align;
  if (c.lineSpacing) own.lineHeight = `calc(1.4em + ${length(c.lineSpacing)})`;
  let classes = className;
  if (c.wrap) {
    classes += " wrap";
    if (c.maxLines && c.maxLines > 0) {
      classes += " clamp";
      own.WebkitLineClamp = String(c.maxLines);
    }
  }
  const spans = Array.isArray(c.contents) && c.contents.length > 0 ? c.contents : null;
  return (
    <div class={classes} style={{ ...own, ...style }} {...tap}>
      {spans ? spans.map((span, i) => <Span key={i} span={span} />) : <Linkified text={c.text} />}
    </div>
  );
}

function Span({ span }: { span: messagingApi.FlexSpan }) {
  const style: Style = {};
  if (safeColor(span.color)) style.color = span.color;
  if (span.size) style.fontSize = length(span.size, FX_TEXT);
  if (span.weight === "bold") style.fontWeight = "700";
  if (span.style === "italic") style.fontStyle = "italic";
  if (span.decoration && span.decoration !== "none") style.textDecoration = span.decoration;
  return <span style={style}>{span.text}</span>;
}

function Button({ c, style }: { c: messagingApi.FlexButton; style: Style }) {
  const { doAction } = useChat();
  const kind = c.style || "link";
  const own: Style = {};
  const color = safeColor(c.color);
  if (color && kind === "link") own.color = color;
  else if (color) own.backgroundColor = color;
  return (
    <button
      type="button"
      class={`fx-button fx-button-${kind}${c.height === "sm" ? " sm" : ""}`}
      style={{ ...own, ...style }}
      onClick={() => doAction(c.action)}
    >
      {actionLabel(c.action)}
    </button>
  );
}

function Image({ c, style, className, tap }: Drawn & { c: messagingApi.FlexImage }) {
  const size = c.size || "md";
  const own: Style = {
    width: size === "full" ? "100%" : length(size, FX_IMAGE) || "100px",
    maxWidth: "100%",
    alignSelf: IMAGE_ALIGN[c.align ?? ""] ?? "center",
  };
  const ratio = /^(\d+(\.\d+)?):(\d+(\.\d+)?)$/.exec(c.aspectRatio || "1:1");
  const imgStyle: Style = { objectFit: c.aspectMode === "cover" ? "cover" : "contain" };
  if (ratio) imgStyle.aspectRatio = `${ratio[1]} / ${ratio[3]}`;
  if (safeColor(c.backgroundColor)) imgStyle.backgroundColor = c.backgroundColor;
  return (
    <div class={className} style={{ ...own, ...style }} {...tap}>
      <SafeImage url={c.url} style={imgStyle} />
    </div>
  );
}
