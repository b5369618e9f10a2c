import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Action } from "./types";

/** What a drawn message needs from the page: doing an action, keeping the newest in view. */
export interface ChatHandlers {
  doAction(action: Action | undefined): void;
  followBottom(): void;
}

export const ChatContext = createContext<ChatHandlers>({ doAction() {}, followBottom() {} });

export function useChat(): ChatHandlers {
  return useContext(ChatContext);
}

/** Props that make any element act like a tappable part of a LINE message. */
export function clickableProps(
  handlers: ChatHandlers,
  action: Action | undefined,
): Record<string, unknown> {
  if (!action) return {};
  return {
    tabIndex: 0,
    role: "button",
    onClick: (e: Event) => {
      e.stopPropagation();
      handlers.doAction(action);
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Enter") handlers.doAction(action);
    },
  };
}
