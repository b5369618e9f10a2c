import { SIM_PLACES } from "./sim-places";

/**
 * Browser code for the chat page: picking a simulated user, sending what a LINE user can send,
 * polling the conversation log and the rich menu. Uses the functions of RENDER_SCRIPT.
 */
export const APP_SCRIPT = String.raw`
var app = {
  userId: null,
  after: 0,
  entries: [],
  lastRenderedFrom: null,
  richMenuKey: "",
  pollTimer: null,
  pollGeneration: 0,
  picker: null,
  atBottom: true,
};

var PLACES = ${scriptJson(SIM_PLACES)};

var STICKERS = [
  { packageId: "446", stickerId: "1988" },
  { packageId: "446", stickerId: "1989" },
  { packageId: "446", stickerId: "1990" },
  { packageId: "446", stickerId: "1991" },
];

function $(id) {
  return document.getElementById(id);
}

async function api(method, path, body) {
  var init = { method: method, headers: {} };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  var res = await fetch(path, init);
  var data = null;
  try {
    data = await res.json();
  } catch (e) {
    data = null;
  }
  return { ok: res.ok, status: res.status, data: data };
}

function toast(text, isError) {
  var node = $("toast");
  node.textContent = text;
  node.className = isError ? "show error" : "show";
  clearTimeout(toast.timer);
  toast.timer = setTimeout(function () {
    node.className = "";
  }, isError ? 6000 : 2500);
}

function clockOf(iso) {
  var d = iso ? new Date(iso) : new Date();
  return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
}

/* ---------- users ---------- */

async function loadUsers(selectId) {
  var res = await api("GET", "/sim/users");
  var users = (res.data && res.data.users) || [];
  var select = $("user-select");
  select.textContent = "";
  users.forEach(function (u) {
    var option = el("option", "", u.displayName + " (" + u.language + ")" + (u.following ? "" : " · blocked"));
    option.value = u.userId;
    select.appendChild(option);
  });
  var wanted = selectId || location.hash.slice(1) || localStorage.getItem("sim-user");
  var found = users.some(function (u) {
    return u.userId === wanted;
  });
  if (!users.length) {
    showPanel("new-user-form");
    $("empty").hidden = false;
    return;
  }
  selectUser(found ? wanted : users[users.length - 1].userId);
}

function selectUser(userId) {
  $("user-select").value = userId;
  if (app.userId === userId) return;
  app.userId = userId;
  app.after = 0;
  app.entries = [];
  app.lastRenderedFrom = null;
  app.richMenuKey = "";
  // Keep the placeholder and the typing indicator; drop the previous user's conversation.
  Array.from($("chat").children).forEach(function (child) {
    if (child.id !== "empty" && child.id !== "typing") child.remove();
  });
  $("empty").hidden = true;
  $("typing").hidden = true;
  app.atBottom = true;
  history.replaceState(null, "", "#" + userId);
  localStorage.setItem("sim-user", userId);
  app.pollGeneration += 1;
  poll(app.pollGeneration);
  pollRichMenu();
}

async function createUser(event) {
  event.preventDefault();
  var name = $("new-name").value.trim();
  var body = { language: $("new-lang").value };
  if (name) body.displayName = name;
  var res = await api("POST", "/sim/users", body);
  if (!res.ok) return toast((res.data && res.data.error) || "could not create the user", true);
  hidePanels();
  $("new-name").value = "";
  await loadUsers(res.data.userId);
  if ($("new-follow").checked) sendEvent({ type: "follow" });
}

/* ---------- sending ---------- */

async function sendEvent(event) {
  if (!app.userId) return toast("สร้างผู้ใช้ก่อน / create a user first", true);
  hideQuickReplies();
  var userId = app.userId;
  setBusy(true);
  try {
    var res = await api("POST", "/sim/users/" + userId + "/events", event);
    if (!res.ok) {
      toast((res.data && res.data.error) || "the simulator refused the event (" + res.status + ")", true);
    } else if (res.data.status !== 200) {
      toast("webhook answered " + res.data.status + ": " + String(res.data.responseBody || "").slice(0, 200), true);
    }
    if (event.type === "follow" || event.type === "unfollow") loadUsers(userId);
  } catch (e) {
    toast("could not reach the stand-in: " + e.message, true);
  } finally {
    setBusy(false);
    if (userId === app.userId) poll(app.pollGeneration, true);
  }
}

function setBusy(busy) {
  $("status").textContent = busy ? "กำลังส่ง… / sending…" : "";
}

function sendText() {
  var input = $("text");
  var text = input.value;
  if (!text.trim()) return;
  input.value = "";
  autoGrow();
  sendEvent({ type: "text", text: text });
}

function sendImage(file) {
  if (!file) return;
  var reader = new FileReader();
  reader.onload = function () {
    var dataUrl = String(reader.result);
    var comma = dataUrl.indexOf(",");
    // A voice note or a video chosen here is sent as LINE sends one: an audio or video message.
    var kind = /^(audio|video)\//.test(file.type) ? file.type.split("/")[0] : "image";
    sendEvent({ type: kind, contentBase64: dataUrl.slice(comma + 1), contentType: file.type || "image/jpeg" });
  };
  reader.readAsDataURL(file);
  $("file").value = "";
}

function sendLocation(event) {
  event.preventDefault();
  var lat = parseFloat($("loc-lat").value);
  var lng = parseFloat($("loc-lng").value);
  if (!isFinite(lat) || !isFinite(lng)) return toast("latitude / longitude?", true);
  var body = { type: "location", latitude: lat, longitude: lng };
  if ($("loc-title").value.trim()) body.title = $("loc-title").value.trim();
  if ($("loc-address").value.trim()) body.address = $("loc-address").value.trim();
  hidePanels();
  sendEvent(body);
}

/** What a tap on a button, quick reply, rich menu area or flex component does in LINE. */
function doAction(action) {
  if (!action) return;
  switch (action.type) {
    case "message":
      sendEvent({ type: "text", text: action.text });
      break;
    case "postback": {
      var event = { type: "postback", data: action.data };
      var shown = action.displayText || action.text;
      if (shown) event.displayText = shown;
      sendEvent(event);
      if (action.inputOption === "openKeyboard") {
        if (action.fillInText) $("text").value = action.fillInText;
        $("text").focus();
      }
      break;
    }
    case "uri":
      openUri(action.uri);
      break;
    case "location":
      showPanel("panel-location");
      break;
    case "camera":
    case "cameraRoll":
      $("file").click();
      break;
    case "datetimepicker":
      openPicker(action);
      break;
    case "clipboard":
      if (navigator.clipboard) navigator.clipboard.writeText(action.clipboardText || "");
      toast("คัดลอกแล้ว / copied");
      break;
    case "richmenuswitch":
      sendEvent({
        type: "postback",
        data: action.data,
        params: { newRichMenuAliasId: action.richMenuAliasId, status: "SUCCESS" },
      });
      break;
    default:
      toast("action " + action.type + " is not simulated", true);
  }
}

function openUri(uri) {
  uri = String(uri || "");
  if (/^tel:/i.test(uri)) {
    var note = el("div", "system");
    var link = el("a", "link", "📞 โทร / call " + uri.slice(4));
    link.href = uri;
    note.appendChild(link);
    appendToChat(note);
  } else if (/^https?:/i.test(uri)) {
    window.open(uri, "_blank", "noopener");
  } else {
    toast("LINE would open " + uri);
  }
}

function openPicker(action) {
  var kinds = { date: "date", time: "time", datetime: "datetime-local" };
  var input = $("picker-input");
  input.type = kinds[action.mode] || "date";
  input.value = action.initial || "";
  if (action.min) input.min = action.min;
  else input.removeAttribute("min");
  if (action.max) input.max = action.max;
  else input.removeAttribute("max");
  app.picker = action;
  showPanel("panel-picker");
}

function submitPicker(event) {
  event.preventDefault();
  var action = app.picker;
  var value = $("picker-input").value;
  if (!action || !value) return;
  var params = {};
  params[action.mode || "date"] = value;
  hidePanels();
  sendEvent({ type: "postback", data: action.data, params: params });
}

/* ---------- panels ---------- */

function showPanel(id) {
  hidePanels();
  $(id).hidden = false;
}

function hidePanels() {
  ["new-user-form", "panel-location", "panel-picker", "panel-more"].forEach(function (id) {
    $(id).hidden = true;
  });
}

function togglePanel(id) {
  var wasHidden = $(id).hidden;
  hidePanels();
  $(id).hidden = !wasHidden;
}

/* ---------- the conversation ---------- */

async function poll(generation, once) {
  if (generation !== app.pollGeneration || !app.userId) return;
  if (!once) clearTimeout(app.pollTimer);
  try {
    var res = await api("GET", "/sim/users/" + app.userId + "/messages?after=" + app.after);
    if (generation === app.pollGeneration && res.ok) {
      res.data.messages.forEach(function (entry) {
        if (entry.seq <= app.after) return;
        app.after = entry.seq;
        app.entries.push(entry);
        renderEntry(entry);
      });
      showTyping(Boolean(res.data.loadingUntil));
      updateQuickReplies();
    }
  } catch (e) {
    /* the stand-in may be restarting; keep polling */
  }
  if (!once && generation === app.pollGeneration) {
    app.pollTimer = setTimeout(function () {
      poll(generation);
    }, 700);
  }
}

function appendToChat(node) {
  $("chat").insertBefore(node, $("typing"));
  if (node.classList.contains("from-user")) app.atBottom = true;
  followBottom();
}

/** Keeps the newest message in view unless the person has scrolled up to read. */
function followBottom() {
  if (!app.atBottom) return;
  var chat = $("chat");
  chat.scrollTop = chat.scrollHeight;
}

function renderEntry(entry) {
  var m = entry.message || {};
  if (entry.from === "user") {
    app.lastRenderedFrom = "user";
    if (m.type === "follow") return appendToChat(el("div", "system", m.isUnblocked ? "คุณเลิกบล็อกบัญชีนี้แล้ว · unblocked" : "คุณเพิ่มเพื่อนแล้ว · you added the account"));
    if (m.type === "unfollow") return appendToChat(el("div", "system", "คุณบล็อกบัญชีนี้แล้ว · you blocked the account"));
    if (m.type === "postback" && !m.displayText) {
      return appendToChat(el("div", "system faint", "postback " + m.data + (m.params ? " " + JSON.stringify(m.params) : "")));
    }
    appendToChat(row("from-user", userContent(m), entry.at));
    return;
  }
  var first = app.lastRenderedFrom !== "bot";
  app.lastRenderedFrom = "bot";
  var r = row("from-bot" + (first ? " first" : ""), renderBotMessage(m), entry.at);
  if (m.sender && m.sender.name) r.querySelector(".content").prepend(el("div", "sender", m.sender.name));
  appendToChat(r);
}

function row(kind, content, at) {
  var r = el("div", "row " + kind);
  if (kind.indexOf("from-bot") === 0) {
    var avatar = el("div", "avatar", "พม");
    avatar.setAttribute("aria-hidden", "true");
    r.appendChild(avatar);
  }
  var wrap = el("div", "content");
  wrap.appendChild(content);
  r.appendChild(wrap);
  r.appendChild(el("div", "time", clockOf(at)));
  return r;
}

function userContent(m) {
  switch (m.type) {
    case "text":
      return textBubble(m.text);
    case "postback":
      return textBubble(m.displayText);
    case "image":
      return imageNode("/sim/content/" + encodeURIComponent(m.id), "photo", "photo");
    case "location":
      return locationCard(m);
    case "sticker":
      return el("div", "sticker", STICKER_FACES[m.stickerId] || "🧸");
    case "file":
      return textBubble("📎 " + m.fileName);
    case "audio":
      return textBubble("🔊 audio");
    case "video":
      return textBubble("🎬 video");
    default:
      return textBubble("[" + m.type + "]");
  }
}

function showTyping(on) {
  $("typing").hidden = !on;
  followBottom();
}

/** LINE shows quick reply buttons only under the newest message, and only until the user acts. */
function updateQuickReplies() {
  var last = app.entries[app.entries.length - 1];
  var bar = $("quick");
  var items = last && last.from === "bot" && last.message.quickReply && last.message.quickReply.items;
  var key = items ? String(last.seq) : "";
  if (bar.dataset.key === key) return;
  bar.dataset.key = key;
  bar.textContent = "";
  bar.hidden = !items;
  (items || []).forEach(function (item) {
    var chip = el("button", "chip", actionLabel(item.action));
    chip.type = "button";
    if (item.action && item.action.type === "location") chip.prepend(el("span", "chip-icon", "📍"));
    if (item.action && (item.action.type === "camera" || item.action.type === "cameraRoll")) chip.prepend(el("span", "chip-icon", "📷"));
    chip.addEventListener("click", function () {
      doAction(item.action);
    });
    bar.appendChild(chip);
  });
}

function hideQuickReplies() {
  $("quick").hidden = true;
}

/* ---------- rich menu ---------- */

async function pollRichMenu() {
  clearTimeout(pollRichMenu.timer);
  try {
    var res = await api("GET", "/sim/richmenu" + (app.userId ? "?userId=" + app.userId : ""));
    if (res.ok) {
      var key = res.data.richMenu ? res.data.richMenu.richMenuId + ":" + res.data.hasImage : "";
      if (key !== app.richMenuKey) {
        app.richMenuKey = key;
        renderRichMenu(res.data);
      }
    }
  } catch (e) {
    /* keep polling */
  }
  pollRichMenu.timer = setTimeout(pollRichMenu, 2500);
}

function renderRichMenu(data) {
  var section = $("richmenu");
  var menu = data.richMenu;
  section.hidden = !menu;
  if (!menu) return;
  $("richmenu-label").textContent = menu.chatBarText || "Menu";
  var grid = $("richmenu-grid");
  grid.textContent = "";
  grid.hidden = !menu.selected && section.dataset.touched !== "open";
  $("richmenu-arrow").textContent = grid.hidden ? "▴" : "▾";
  var size = menu.size || { width: 2500, height: 1686 };
  grid.style.aspectRatio = size.width + " / " + size.height;
  if (data.imageUrl) {
    var img = imageNode(data.imageUrl, "richmenu-image", menu.name || "rich menu");
    img.addEventListener("error", function () {
      grid.classList.add("no-image");
    });
    grid.appendChild(img);
  }
  grid.classList.toggle("no-image", !data.imageUrl);
  (menu.areas || []).forEach(function (area) {
    var b = area.bounds || {};
    var button = el("button", "area");
    button.appendChild(el("span", "area-label", actionLabel(area.action)));
    button.type = "button";
    button.title = actionLabel(area.action);
    button.setAttribute("aria-label", actionLabel(area.action));
    button.style.left = (100 * b.x) / size.width + "%";
    button.style.top = (100 * b.y) / size.height + "%";
    button.style.width = (100 * b.width) / size.width + "%";
    button.style.height = (100 * b.height) / size.height + "%";
    button.addEventListener("click", function () {
      doAction(area.action);
    });
    grid.appendChild(button);
  });
}

function toggleRichMenu() {
  var grid = $("richmenu-grid");
  grid.hidden = !grid.hidden;
  $("richmenu").dataset.touched = grid.hidden ? "closed" : "open";
  $("richmenu-arrow").textContent = grid.hidden ? "▴" : "▾";
}

/* ---------- wiring ---------- */

function autoGrow() {
  var t = $("text");
  t.style.height = "auto";
  t.style.height = Math.min(t.scrollHeight, 120) + "px";
}

function keepBottomOnResize() {
  var chat = $("chat");
  // Only the person's own scrolling decides whether to follow; programmatic scrolls and layout
  // changes (quick replies, panels, images loading) must not.
  var userScrolled = function () {
    setTimeout(function () {
      app.atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
    }, 50);
  };
  ["wheel", "touchmove", "keydown", "mousedown"].forEach(function (type) {
    chat.addEventListener(type, userScrolled, { passive: true });
  });
  if (window.ResizeObserver) new ResizeObserver(followBottom).observe(chat);
}

function wire() {
  keepBottomOnResize();
  $("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    sendText();
  });
  $("text").addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendText();
    }
  });
  $("text").addEventListener("input", autoGrow);
  // Typing replaces the rich menu with the keyboard in LINE; the menu bar brings it back.
  $("text").addEventListener("focus", function () {
    hidePanels();
    if (!$("richmenu").hidden && !$("richmenu-grid").hidden) toggleRichMenu();
  });
  $("user-select").addEventListener("change", function (e) {
    selectUser(e.target.value);
  });
  $("new-user-btn").addEventListener("click", function () {
    togglePanel("new-user-form");
  });
  $("new-user-form").addEventListener("submit", createUser);
  $("more-btn").addEventListener("click", function () {
    togglePanel("panel-more");
  });
  $("tool-image").addEventListener("click", function () {
    hidePanels();
    $("file").click();
  });
  $("file").addEventListener("change", function (e) {
    sendImage(e.target.files && e.target.files[0]);
  });
  $("tool-location").addEventListener("click", function () {
    showPanel("panel-location");
  });
  $("tool-follow").addEventListener("click", function () {
    hidePanels();
    sendEvent({ type: "follow" });
  });
  $("tool-unfollow").addEventListener("click", function () {
    hidePanels();
    sendEvent({ type: "unfollow" });
  });
  STICKERS.forEach(function (s) {
    var b = el("button", "tool sticker-pick", STICKER_FACES[s.stickerId]);
    b.type = "button";
    b.setAttribute("aria-label", "sticker " + s.stickerId);
    b.addEventListener("click", function () {
      hidePanels();
      sendEvent({ type: "sticker", packageId: s.packageId, stickerId: s.stickerId });
    });
    $("stickers").appendChild(b);
  });
  PLACES.forEach(function (p) {
    var b = el("button", "preset", p.name);
    b.type = "button";
    b.addEventListener("click", function () {
      $("loc-lat").value = p.lat;
      $("loc-lng").value = p.lng;
      $("loc-title").value = p.name;
      $("loc-address").value = p.address || "";
    });
    $("presets").appendChild(b);
  });
  $("panel-location").addEventListener("submit", sendLocation);
  $("panel-picker").addEventListener("submit", submitPicker);
  document.querySelectorAll("[data-close]").forEach(function (b) {
    b.addEventListener("click", hidePanels);
  });
  $("richmenu-bar").addEventListener("click", toggleRichMenu);
}

async function showWebhook() {
  try {
    var res = await api("GET", "/sim/webhook");
    $("webhook").textContent = res.data && res.data.url ? "webhook → " + res.data.url : "ยังไม่ได้ตั้ง webhook / no webhook URL yet";
  } catch (e) {
    $("webhook").textContent = "";
  }
}

wire();
showWebhook();
loadUsers();
pollRichMenu();
`;

/** JSON for inside a <script> element: "</script>" or "<!--" in a string must not end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
