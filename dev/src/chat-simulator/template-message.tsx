import type { messagingApi } from "@line/bot-sdk";
import { SafeImage, TextBubble } from "./basics";
import { clickableProps, useChat } from "./chat-context";
import { actionLabel } from "./safe-values";
import type { Action } from "./types";

/** A template message (buttons, confirm, carousel, image carousel), as LINE draws one. */
export function TemplateMessage(props: { template: messagingApi.Template; altText: string }) {
  const { template } = props;
  const handlers = useChat();
  switch (template.type) {
    case "confirm":
      return (
        <div class="tpl tpl-confirm">
          <div class="tpl-text">{template.text}</div>
          <div class="tpl-confirm-actions">
            {template.actions.map((action, i) => (
              <TemplateButton key={i} action={action} />
            ))}
          </div>
        </div>
      );
    case "buttons":
      return <TemplateCard column={template} ratio={template.imageAspectRatio} />;
    case "carousel":
      return (
        <div class="carousel">
          {template.columns.map((column, i) => (
            <TemplateCard key={i} column={column} ratio={template.imageAspectRatio} />
          ))}
        </div>
      );
    case "image_carousel":
      return (
        <div class="carousel">
          {template.columns.map((column, i) => (
            <div
              key={i}
              class="tpl tpl-image-cell clickable"
              {...clickableProps(handlers, column.action)}
            >
              <SafeImage url={column.imageUrl} className="tpl-square" />
              {column.action.label && <div class="tpl-image-label">{column.action.label}</div>}
            </div>
          ))}
        </div>
      );
    default:
      return <TextBubble text={props.altText || "[template]"} />;
  }
}

interface CardColumn {
  thumbnailImageUrl?: string;
  title?: string;
  text: string;
  actions: Action[];
  defaultAction?: Action;
}

function TemplateCard({ column, ratio }: { column: CardColumn; ratio: string | undefined }) {
  const handlers = useChat();
  const { defaultAction } = column;
  return (
    <div class="tpl">
      {column.thumbnailImageUrl && (
        <SafeImage
          url={column.thumbnailImageUrl}
          className={ratio === "square" ? "tpl-thumb square" : "tpl-thumb"}
        />
      )}
      <div
        class={defaultAction ? "tpl-body clickable" : "tpl-body"}
        {...clickableProps(handlers, defaultAction)}
      >
        {column.title && <div class="tpl-title">{column.title}</div>}
        <div class="tpl-text">{column.text}</div>
      </div>
      {column.actions.map((action, i) => (
        <TemplateButton key={i} action={action} />
      ))}
    </div>
  );
}

function TemplateButton({ action }: { action: Action }) {
  const { doAction } = useChat();
  return (
    <button type="button" class="tpl-action" onClick={() => doAction(action)}>
      {actionLabel(action)}
    </button>
  );
}
