import type { messagingApi } from "@line/bot-sdk";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { simApi } from "./api";
import { ChatContext } from "./chat-context";
import type { ChatHandlers } from "./chat-context";
import { Conversation } from "./conversation";
import type { ChatItem } from "./conversation";
import { LocationPanel, MorePanel, NewUserForm, PickerPanel } from "./panels";
import type { NewUser, PanelId } from "./panels";
import { QuickReplies } from "./quick-replies";
import { RichMenu, useRichMenu } from "./rich-menu";
import { useToast } from "./toast";
import { useConversation } from "./use-conversation";
import type { Action, EventAnswer, SimEventInput, SimUserView } from "./types";

const REMEMBERED_USER = "sim-user";

/** The chat simulator: one simulated LINE user at a time, chatting with the bot. */
export function App() {
  const toast = useToast();
  const [users, setUsers] = useState<SimUserView[] | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const userIdRef = useRef<string | null>(null);
  const [panel, setPanel] = useState<PanelId | null>(null);
  const [picker, setPicker] = useState<{
    action: messagingApi.DatetimePickerAction;
    key: number;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState("");
  const [webhook, setWebhook] = useState("");
  const [dismissedSeq, setDismissedSeq] = useState(-1);
  const { items, typing, pollNow, addCall } = useConversation(userId);
  const richMenu = useRichMenu(userId);
  // A menu LINE marks "selected" opens by itself; once the person opened or closed it, their
  // choice holds until the menu changes.
  const [menuTouched, setMenuTouched] = useState<"open" | "closed" | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const chatRef = useRef<HTMLElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const atBottom = useRef(true);

  const selectUser = useCallback((id: string) => {
    if (userIdRef.current === id) return;
    userIdRef.current = id;
    atBottom.current = true;
    setUserId(id);
    setDismissedSeq(-1);
    history.replaceState(null, "", `#${id}`);
    localStorage.setItem(REMEMBERED_USER, id);
  }, []);

  const loadUsers = useCallback(
    async (selectId?: string) => {
      const res = await simApi<{ users: SimUserView[] }>("GET", "/sim/users");
      const list = res.data?.users ?? [];
      setUsers(list);
      if (list.length === 0) return setPanel("new-user-form");
      const wanted = selectId || location.hash.slice(1) || localStorage.getItem(REMEMBERED_USER);
      selectUser(list.some(u => u.userId === wanted) ? wanted! : list[list.length - 1]!.userId);
    },
    [selectUser],
  );

  const sendEvent = useCallback(
    async (event: SimEventInput) => {
      const user = userIdRef.current;
      if (!user) return toast.show("สร้างผู้ใช้ก่อน / create a user first", true);
      const last = items.findLast(item => item.kind === "entry");
      if (last?.kind === "entry") setDismissedSeq(last.entry.seq);
      setBusy(true);
      try {
        const res = await simApi<EventAnswer>("POST", `/sim/users/${user}/events`, event);
        if (!res.ok || !res.data) {
          toast.show(res.error ?? `the simulator refused the event (${res.status})`, true);
        } else if (res.data.status !== 200) {
          const body = String(res.data.responseBody ?? "").slice(0, 200);
          toast.show(`webhook answered ${res.data.status}: ${body}`, true);
        }
        if (event.type === "follow" || event.type === "unfollow") void loadUsers(user);
      } catch (error) {
        toast.show(`could not reach the stand-in: ${(error as Error).message}`, true);
      } finally {
        setBusy(false);
        pollNow(user);
      }
    },
    [items, loadUsers, pollNow, toast.show],
  );

  const followBottom = useCallback(() => {
    const chat = chatRef.current;
    if (chat && atBottom.current) chat.scrollTop = chat.scrollHeight;
  }, []);

  /** What a tap on a button, quick reply, rich menu area or flex component does in LINE. */
  const doAction = useCallback(
    (action: Action | undefined) => {
      if (!action) return;
      switch (action.type) {
        case "message":
          return void sendEvent({ type: "text", text: action.text ?? "" });
        case "postback": {
          const shown = action.displayText || action.text;
          void sendEvent({
            type: "postback",
            data: action.data ?? "",
            ...(shown && { displayText: shown }),
          });
          if (action.inputOption === "openKeyboard") {
            if (action.fillInText) setText(action.fillInText);
            textRef.current?.focus();
          }
          return;
        }
        case "uri":
          return openUri(action.uri ?? "", addCall, toast.show);
        case "location":
          return setPanel("panel-location");
        case "camera":
        case "cameraRoll":
          return fileRef.current?.click();
        case "datetimepicker":
          setPicker(old => ({ action, key: (old?.key ?? 0) + 1 }));
          return setPanel("panel-picker");
        case "clipboard":
          void navigator.clipboard?.writeText(action.clipboardText ?? "");
          return toast.show("คัดลอกแล้ว / copied");
        case "richmenuswitch":
          return void sendEvent({
            type: "postback",
            data: action.data ?? "",
            params: { newRichMenuAliasId: action.richMenuAliasId ?? "", status: "SUCCESS" },
          });
        default:
          toast.show(`action ${(action as { type: string }).type} is not simulated`, true);
      }
    },
    [sendEvent, addCall, toast.show],
  );

  const handlers = useMemo<ChatHandlers>(
    () => ({ doAction, followBottom }),
    [doAction, followBottom],
  );

  useEffect(() => {
    setMenuOpen(Boolean(richMenu?.richMenu?.selected) || menuTouched === "open");
    // Only a new menu (or picture) resets it, not the person's own toggling.
  }, [richMenu]);

  useEffect(() => {
    void loadUsers();
    simApi<{ url: string | null }>("GET", "/sim/webhook")
      .then(res =>
        setWebhook(
          res.data?.url
            ? `webhook → ${res.data.url}`
            : "ยังไม่ได้ตั้ง webhook / no webhook URL yet",
        ),
      )
      .catch(() => setWebhook(""));
  }, [loadUsers]);

  // The newest message stays in view unless the person has scrolled up to read; what they
  // send brings them back down.
  const drawnItems = useRef(0);
  useLayoutEffect(() => {
    if (items.slice(drawnItems.current).some(isUserBubble)) atBottom.current = true;
    drawnItems.current = items.length;
    followBottom();
  }, [items, typing, followBottom]);

  useEffect(() => {
    const chat = chatRef.current;
    if (!chat) return;
    // Only the person's own scrolling decides whether to follow; programmatic scrolls and
    // layout changes (quick replies, panels, images loading) must not.
    const userScrolled = () =>
      setTimeout(() => {
        atBottom.current = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
      }, 50);
    const kinds = ["wheel", "touchmove", "keydown", "mousedown"] as const;
    for (const kind of kinds) chat.addEventListener(kind, userScrolled, { passive: true });
    const resize = new ResizeObserver(followBottom);
    resize.observe(chat);
    return () => {
      for (const kind of kinds) chat.removeEventListener(kind, userScrolled);
      resize.disconnect();
    };
  }, [followBottom]);

  useLayoutEffect(() => {
    const t = textRef.current;
    if (!t) return;
    t.style.height = "auto";
    t.style.height = `${Math.min(t.scrollHeight, 120)}px`;
  }, [text]);

  const toggleMenu = () => {
    setMenuOpen(!menuOpen);
    setMenuTouched(menuOpen ? "closed" : "open");
  };
  const quickItems = quickRepliesOf(items, dismissedSeq);
  const togglePanel = (id: PanelId) => setPanel(old => (old === id ? null : id));
  const closePanels = () => setPanel(null);

  const sendText = () => {
    if (!text.trim()) return;
    void sendEvent({ type: "text", text });
    setText("");
  };

  const createUser = async (user: NewUser): Promise<boolean> => {
    const body = {
      language: user.language,
      ...(user.displayName && { displayName: user.displayName }),
    };
    const res = await simApi<{ userId: string }>("POST", "/sim/users", body);
    if (!res.ok || !res.data) {
      toast.show(res.error ?? "could not create the user", true);
      return false;
    }
    closePanels();
    await loadUsers(res.data.userId);
    if (user.follow) void sendEvent({ type: "follow" });
    return true;
  };

  return (
    <ChatContext.Provider value={handlers}>
      <div id="app">
        <header class="top">
          <div class="title-row">
            <div class="avatar big" aria-hidden="true">
              พม
            </div>
            <div class="titles">
              <div class="bot-name">บอตแจ้งปัญหาสังคม · LINE stand-in</div>
              <div id="webhook" class="sub">
                {webhook}
              </div>
            </div>
          </div>
          <div class="user-row">
            <label for="user-select" class="sub">
              ผู้ใช้ / user
            </label>
            <select
              id="user-select"
              value={userId ?? ""}
              onChange={e => selectUser(e.currentTarget.value)}
            >
              {(users ?? []).map(u => (
                <option key={u.userId} value={u.userId}>
                  {`${u.displayName} (${u.language})${u.following ? "" : " · blocked"}`}
                </option>
              ))}
            </select>
            <button
              id="new-user-btn"
              type="button"
              class="ghost"
              onClick={() => togglePanel("new-user-form")}
            >
              + ใหม่
            </button>
          </div>
        </header>

        <NewUserForm
          shown={panel === "new-user-form"}
          onClose={closePanels}
          onCreate={createUser}
        />

        <main id="chat" aria-live="polite" ref={chatRef}>
          <div id="empty" class="system" hidden={!(users?.length === 0 && !userId)}>
            ยังไม่มีผู้ใช้ — สร้างผู้ใช้เพื่อเริ่มแชต / create a user to start
          </div>
          <Conversation items={items} />
          <div id="typing" class="row from-bot first" hidden={!typing}>
            <div class="avatar" aria-hidden="true">
              พม
            </div>
            <div class="content">
              <div class="bubble typing" aria-label="bot is typing">
                <span></span>
                <span></span>
                <span></span>
              </div>
            </div>
          </div>
        </main>

        <QuickReplies items={quickItems} />

        <LocationPanel
          shown={panel === "panel-location"}
          onClose={closePanels}
          onInvalid={() => toast.show("latitude / longitude?", true)}
          onSend={event => {
            closePanels();
            void sendEvent(event);
          }}
        />
        <PickerPanel
          key={picker?.key ?? 0}
          shown={panel === "panel-picker"}
          action={picker?.action ?? null}
          onClose={closePanels}
          onPick={params => {
            closePanels();
            if (picker)
              void sendEvent({ type: "postback", data: picker.action.data ?? "", params });
          }}
        />
        <MorePanel
          shown={panel === "panel-more"}
          onClose={closePanels}
          onSend={event => void sendEvent(event)}
          onPickFile={() => {
            closePanels();
            fileRef.current?.click();
          }}
          onLocation={() => setPanel("panel-location")}
        />

        <form
          id="composer"
          onSubmit={e => {
            e.preventDefault();
            sendText();
          }}
        >
          <button
            id="more-btn"
            type="button"
            class="round"
            aria-label="more: image, location, sticker"
            onClick={() => togglePanel("panel-more")}
          >
            +
          </button>
          <textarea
            id="text"
            ref={textRef}
            rows={1}
            placeholder="พิมพ์ข้อความ / Aa"
            aria-label="message"
            value={text}
            onInput={e => setText(e.currentTarget.value)}
            onKeyDown={e => {
              if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                sendText();
              }
            }}
            // Typing replaces the rich menu with the keyboard in LINE; the menu bar brings it back.
            onFocus={() => {
              closePanels();
              if (menuOpen && richMenu?.richMenu) toggleMenu();
            }}
          />
          <button id="send" type="submit" class="round send" aria-label="send">
            ➤
          </button>
        </form>
        <div id="status" class="sub status" aria-live="polite">
          {busy ? "กำลังส่ง… / sending…" : ""}
        </div>
        <input
          id="file"
          ref={fileRef}
          type="file"
          accept="image/*,audio/*,video/*"
          hidden
          onChange={e => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void readMedia(file).then(sendEvent);
          }}
        />

        <RichMenu view={richMenu} open={menuOpen} onToggle={toggleMenu} />

        {toast.view}
      </div>
    </ChatContext.Provider>
  );
}

/** Follow, unfollow and bare postbacks are notes in the middle, not the user's own bubbles. */
function isUserBubble(item: ChatItem): boolean {
  if (item.kind !== "entry" || item.entry.from !== "user") return false;
  const m = item.entry.message;
  return m.type !== "follow" && m.type !== "unfollow" && !(m.type === "postback" && !m.displayText);
}

function quickRepliesOf(
  items: ChatItem[],
  dismissedSeq: number,
): messagingApi.QuickReplyItem[] | null {
  const last = items.findLast(item => item.kind === "entry");
  if (last?.kind !== "entry" || last.entry.from !== "bot" || last.entry.seq === dismissedSeq)
    return null;
  return last.entry.message.quickReply?.items ?? null;
}

function openUri(uri: string, addCall: (uri: string) => void, toast: (text: string) => void): void {
  if (/^tel:/i.test(uri)) addCall(uri);
  else if (/^https?:/i.test(uri)) window.open(uri, "_blank", "noopener");
  else toast(`LINE would open ${uri}`);
}

/** A photo, voice note or video as LINE sends one: an image, audio or video message. */
function readMedia(file: File): Promise<SimEventInput> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      const kind = /^(audio|video)\//.test(file.type)
        ? (file.type.split("/")[0] as "audio" | "video")
        : "image";
      resolve({
        type: kind,
        contentBase64: dataUrl.slice(dataUrl.indexOf(",") + 1),
        contentType: file.type || "image/jpeg",
      });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
