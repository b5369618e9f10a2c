import { APP_SCRIPT } from "./chat-page-script";
import { RENDER_SCRIPT } from "./chat-page-render";

/**
 * The page a person chats with the bot through: one self-contained HTML document, nothing
 * loaded from elsewhere, drawn to look roughly like a LINE chat on a phone.
 */
export function chatPageHtml(): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>LINE stand-in · แชตกับบอต</title>
<style>${STYLE}</style>
</head>
<body>
${BODY}
<script>
(function () {
"use strict";
${RENDER_SCRIPT}
${APP_SCRIPT}
})();
</script>
</body>
</html>
`;
}

const BODY = `<div id="app">
  <header class="top">
    <div class="title-row">
      <div class="avatar big" aria-hidden="true">พม</div>
      <div class="titles">
        <div class="bot-name">บอตแจ้งปัญหาสังคม · LINE stand-in</div>
        <div id="webhook" class="sub"></div>
      </div>
    </div>
    <div class="user-row">
      <label for="user-select" class="sub">ผู้ใช้ / user</label>
      <select id="user-select"></select>
      <button id="new-user-btn" type="button" class="ghost">+ ใหม่</button>
    </div>
  </header>

  <form id="new-user-form" class="panel" hidden>
    <div class="panel-title">สร้างผู้ใช้จำลอง / new simulated user</div>
    <input id="new-name" placeholder="ชื่อที่แสดง / display name" maxlength="40">
    <select id="new-lang" aria-label="language">
      <option value="th">ภาษาไทย</option>
      <option value="en">English</option>
    </select>
    <label class="check"><input id="new-follow" type="checkbox" checked> ส่ง follow event (เพิ่มเพื่อน)</label>
    <div class="panel-actions">
      <button type="button" class="ghost" data-close>ยกเลิก</button>
      <button type="submit" class="primary">สร้าง / create</button>
    </div>
  </form>

  <main id="chat" aria-live="polite">
    <div id="empty" class="system" hidden>ยังไม่มีผู้ใช้ — สร้างผู้ใช้เพื่อเริ่มแชต / create a user to start</div>
    <div id="typing" class="row from-bot first" hidden>
      <div class="avatar" aria-hidden="true">พม</div>
      <div class="content"><div class="bubble typing" aria-label="bot is typing"><span></span><span></span><span></span></div></div>
    </div>
  </main>

  <div id="quick" class="quick" hidden></div>

  <form id="panel-location" class="panel" hidden>
    <div class="panel-title">📍 ส่งตำแหน่ง / send a location</div>
    <div id="presets" class="presets"></div>
    <div class="two">
      <input id="loc-lat" inputmode="decimal" placeholder="latitude" aria-label="latitude">
      <input id="loc-lng" inputmode="decimal" placeholder="longitude" aria-label="longitude">
    </div>
    <input id="loc-title" placeholder="ชื่อสถานที่ / title (optional)">
    <input id="loc-address" placeholder="ที่อยู่ / address (optional)">
    <div class="panel-actions">
      <button type="button" class="ghost" data-close>ยกเลิก</button>
      <button type="submit" class="primary">ส่ง / send</button>
    </div>
  </form>

  <form id="panel-picker" class="panel" hidden>
    <div class="panel-title">📅 เลือกวันเวลา / pick</div>
    <input id="picker-input" type="date" aria-label="date or time">
    <div class="panel-actions">
      <button type="button" class="ghost" data-close>ยกเลิก</button>
      <button type="submit" class="primary">ตกลง / OK</button>
    </div>
  </form>

  <div id="panel-more" class="panel tools" hidden>
    <button id="tool-image" type="button" class="tool">🖼️<span>รูปภาพ</span></button>
    <button id="tool-location" type="button" class="tool">📍<span>ตำแหน่ง</span></button>
    <button id="tool-follow" type="button" class="tool">🤝<span>follow</span></button>
    <button id="tool-unfollow" type="button" class="tool">🚫<span>block</span></button>
    <div id="stickers" class="stickers"></div>
  </div>

  <form id="composer">
    <button id="more-btn" type="button" class="round" aria-label="more: image, location, sticker">+</button>
    <textarea id="text" rows="1" placeholder="พิมพ์ข้อความ / Aa" aria-label="message"></textarea>
    <button id="send" type="submit" class="round send" aria-label="send">➤</button>
  </form>
  <div id="status" class="sub status" aria-live="polite"></div>
  <input id="file" type="file" accept="image/*,audio/*,video/*" hidden>

  <section id="richmenu" hidden>
    <div id="richmenu-grid"></div>
    <button id="richmenu-bar" type="button"><span id="richmenu-label">Menu</span> <span id="richmenu-arrow">▾</span></button>
  </section>

  <div id="toast" role="status"></div>
</div>`;

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; height: 100%; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans Thai", "Noto Sans Thai UI", "Leelawadee UI",
    "Thonburi", "Sarabun", "Tahoma", "Noto Sans", sans-serif;
  font-size: 15px; color: #111; background: #e9edf2;
}
button, input, select, textarea { font: inherit; }
#app {
  max-width: 480px; margin: 0 auto; height: 100vh; height: 100dvh; display: flex; flex-direction: column;
  background: #8cabd9; position: relative; overflow: hidden;
}
.top { background: #273246; color: #fff; padding: 8px 10px 8px; flex: none; }
.title-row { display: flex; align-items: center; gap: 8px; }
.titles { min-width: 0; }
.bot-name { font-weight: 700; font-size: 15px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sub { font-size: 11px; color: #9aa6b8; overflow-wrap: anywhere; }
.user-row { display: flex; align-items: center; gap: 6px; margin-top: 6px; }
.user-row select { flex: 1; min-width: 0; padding: 5px 6px; border-radius: 6px; border: 0; background: #3b4760; color: #fff; }
button.ghost { background: transparent; border: 1px solid #9aa6b8; color: inherit; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.panel .ghost { color: #333; border-color: #bbb; }
button.primary { background: #06c755; color: #fff; border: 0; border-radius: 6px; padding: 7px 14px; cursor: pointer; font-weight: 600; }
.avatar {
  width: 34px; height: 34px; border-radius: 50%; background: #06c755; color: #fff; font-size: 12px; font-weight: 700;
  display: flex; align-items: center; justify-content: center; flex: none;
}
.avatar.big { width: 36px; height: 36px; }

#chat { flex: 1; overflow-y: auto; padding: 10px 8px 14px; -webkit-overflow-scrolling: touch; }
.row { display: flex; align-items: flex-end; gap: 6px; margin-top: 4px; }
.row.first { margin-top: 12px; }
.row.from-user { flex-direction: row-reverse; margin-top: 10px; }
.row.from-bot:not(.first) .avatar { visibility: hidden; }
.row.from-bot.first { align-items: flex-start; }
.row.from-bot.first .time { align-self: flex-end; }
.content { max-width: calc(100% - 80px); min-width: 0; display: flex; flex-direction: column; }
.row.from-user .content { align-items: flex-end; }
.time { font-size: 10px; color: #34495e; opacity: .8; flex: none; padding-bottom: 2px; }
.sender { font-size: 11px; color: #1c2b40; margin: 0 0 2px 4px; }
.bubble {
  background: #fff; border-radius: 18px; padding: 8px 12px; white-space: pre-wrap; overflow-wrap: anywhere;
  line-height: 1.45; max-width: 100%;
}
.from-user .bubble { background: #85e249; }
.link { color: #2a62c9; text-decoration: underline; }
.system { text-align: center; font-size: 12px; color: #fff; background: rgba(0,0,0,.22); border-radius: 12px; padding: 3px 10px; margin: 10px auto 2px; width: fit-content; max-width: 90%; overflow-wrap: anywhere; }
.system .link { color: #fff; }
.system.faint { background: rgba(0,0,0,.12); font-family: ui-monospace, monospace; font-size: 11px; }
.sticker { font-size: 64px; line-height: 1; }
.photo { max-width: 200px; max-height: 260px; border-radius: 14px; display: block; background: #dfe6ef; min-width: 60px; min-height: 60px; }
img.broken { background: #d7dde6; min-height: 40px; }
.location { display: flex; gap: 8px; align-items: flex-start; white-space: normal; }
.loc-pin { font-size: 22px; }
.loc-title { font-weight: 700; }
.loc-address { font-size: 13px; color: #444; }
.loc-coords { font-size: 11px; color: #777; }
.typing { display: flex; gap: 4px; padding: 12px 14px; }
.typing span { width: 7px; height: 7px; border-radius: 50%; background: #9aa6b8; animation: blink 1.2s infinite; }
.typing span:nth-child(2) { animation-delay: .2s; } .typing span:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
.clickable { cursor: pointer; }

/* template messages */
.tpl { background: #fff; border-radius: 14px; overflow: hidden; width: 250px; max-width: 100%; flex: none; }
.tpl-thumb { width: 100%; aspect-ratio: 1.51 / 1; object-fit: cover; display: block; background: #dfe6ef; }
.tpl-thumb.square { aspect-ratio: 1 / 1; }
.tpl-body { padding: 10px 12px; }
.tpl-title { font-weight: 700; margin-bottom: 2px; }
.tpl-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 14px; color: #333; }
.tpl-confirm .tpl-text { padding: 14px 12px; text-align: center; }
.tpl-action {
  display: block; width: 100%; border: 0; border-top: 1px solid #e5e5e5; background: #fff; color: #2a62c9;
  padding: 10px; cursor: pointer; font-size: 14px;
}
.tpl-confirm-actions { display: flex; }
.tpl-confirm-actions .tpl-action + .tpl-action { border-left: 1px solid #e5e5e5; }
.tpl-image-cell { width: 160px; position: relative; }
.tpl-square { width: 100%; aspect-ratio: 1 / 1; object-fit: cover; display: block; background: #dfe6ef; }
.tpl-image-label { position: absolute; bottom: 0; left: 0; right: 0; background: rgba(0,0,0,.45); color: #fff; text-align: center; font-size: 13px; padding: 4px; }
.content:has(> .carousel) { max-width: calc(100% - 44px); }
.carousel { display: flex; gap: 8px; overflow-x: auto; padding-bottom: 4px; max-width: 100%; scroll-snap-type: x mandatory; }
.carousel > .tpl, .carousel > .fx-bubble { max-width: min(calc(100vw - 110px), 360px); }
.carousel > * { scroll-snap-align: start; }

/* flex messages */
.fx-bubble { background: #fff; border-radius: 16px; overflow: hidden; max-width: 100%; flex: none; display: flex; flex-direction: column; }
.fx-block { display: flex; flex-direction: column; }
.fx-box { display: flex; min-width: 0; position: relative; }
.fx-vertical { flex-direction: column; }
.fx-horizontal { flex-direction: row; }
.fx-baseline { flex-direction: row; align-items: baseline; }
.fx-text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; line-height: 1.4; min-width: 0; }
.fx-text.wrap { white-space: pre-wrap; overflow-wrap: anywhere; }
.fx-text.clamp { display: -webkit-box; -webkit-box-orient: vertical; }
.fx-sep-h { border-top: 1px solid #e5e5e5; align-self: stretch; }
.fx-sep-v { border-left: 1px solid #e5e5e5; align-self: stretch; }
.fx-filler { min-width: 0; }
.fx-icon { display: inline-block; object-fit: contain; align-self: baseline; }
.fx-image { display: flex; }
.fx-image img { width: 100%; display: block; background: #eef1f5; }
.fx-button {
  border: 0; border-radius: 8px; min-height: 52px; padding: 6px 10px; cursor: pointer; font-size: 16px;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0;
}
.fx-button.sm { min-height: 40px; font-size: 15px; }
.fx-button-primary { background: #17c950; color: #fff; }
.fx-button-secondary { background: #dcdfe5; color: #111; }
.fx-button-link { background: transparent; color: #42659a; }

/* quick replies, composer, panels */
.quick { display: flex; gap: 6px; overflow-x: auto; padding: 6px 8px; background: rgba(255,255,255,.35); flex: none; }
.chip {
  flex: none; border: 1px solid #1d8f4e; background: #fff; color: #1d8f4e; border-radius: 16px; padding: 5px 12px;
  font-size: 14px; cursor: pointer; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
.chip-icon { margin-right: 3px; }
#composer { display: flex; align-items: flex-end; gap: 6px; padding: 6px 8px; background: #fff; flex: none; border-top: 1px solid #ddd; }
#text:focus { outline: 2px solid #06c755; outline-offset: -2px; }
#text { flex: 1; min-width: 0; resize: none; border: 0; background: #f1f2f4; border-radius: 18px; padding: 7px 12px; max-height: 120px; line-height: 1.4; }
.round { width: 34px; height: 34px; border-radius: 50%; border: 0; background: #f1f2f4; font-size: 18px; cursor: pointer; flex: none; color: #444; }
.round.send { background: #06c755; color: #fff; font-size: 15px; }
.status { background: #fff; padding: 0 10px; min-height: 0; }
.status:empty { display: none; }
.panel { background: #fff; padding: 10px; display: flex; flex-direction: column; gap: 8px; border-top: 1px solid #ddd; flex: none; }
.panel[hidden] { display: none; }
.panel-title { font-weight: 700; font-size: 14px; }
.panel input, .panel select { padding: 7px 9px; border: 1px solid #ccd; border-radius: 6px; min-width: 0; width: 100%; }
.panel .check { font-size: 13px; display: flex; gap: 6px; align-items: center; }
.panel .check input { width: auto; }
.panel-actions { display: flex; justify-content: flex-end; gap: 8px; }
.two { display: flex; gap: 6px; }
.presets { display: flex; flex-wrap: wrap; gap: 6px; }
.preset { border: 1px solid #06c755; color: #058a3c; background: #f2fff7; border-radius: 14px; padding: 4px 10px; cursor: pointer; font-size: 13px; }
.tools { flex-direction: row; flex-wrap: wrap; gap: 6px; }
.tool {
  border: 0; background: #f1f2f4; border-radius: 10px; padding: 8px 6px; cursor: pointer; font-size: 20px;
  display: flex; flex-direction: column; align-items: center; width: 64px;
}
.tool span { font-size: 11px; color: #444; margin-top: 2px; }
.stickers { display: flex; gap: 6px; flex-wrap: wrap; }
.sticker-pick { font-size: 26px; width: 52px; }

/* rich menu */
#richmenu { flex: none; background: #fff; border-top: 1px solid #ddd; }
#richmenu-grid { position: relative; width: 100%; max-height: 42vh; background: #f7f7f7; }
#richmenu-grid[hidden] { display: none; }
.richmenu-image { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: fill; }
.area {
  position: absolute; background: transparent; border: 1px solid rgba(0,0,0,.06); cursor: pointer; padding: 4px;
  font-size: 13px; color: #273246; overflow: hidden; overflow-wrap: anywhere;
}
.area:hover, .area:focus-visible { background: rgba(6,199,85,.15); outline: none; }
/* The menu's picture carries its own words (drawn by npm run setup:line), so the labels stay
   for screen readers and show only when the picture is missing. */
.area-label { opacity: 0; color: #fff; font-weight: 700; font-size: 15px; text-shadow: 0 1px 2px rgba(0,0,0,.5); }
.area { display: flex; align-items: center; justify-content: center; text-align: center; }
.no-image .richmenu-image { display: none; }
.no-image .area-label { opacity: 1; color: #273246; text-shadow: none; }
.no-image .area { background: #fff; border: 1px solid #dde3ea; font-weight: 600; }
.no-image .area:hover { background: #eafbf0; }
#richmenu-bar { width: 100%; border: 0; border-top: 1px solid #eee; background: #fff; padding: 8px; font-size: 14px; color: #333; cursor: pointer; }

#toast {
  position: absolute; left: 50%; bottom: 90px; transform: translateX(-50%); background: rgba(30,30,30,.88); color: #fff;
  padding: 8px 14px; border-radius: 10px; font-size: 13px; max-width: 90%; opacity: 0; pointer-events: none;
  transition: opacity .2s; overflow-wrap: anywhere; z-index: 5;
}
#toast.show { opacity: 1; }
#toast.error { background: rgba(176,32,32,.92); }
`;
