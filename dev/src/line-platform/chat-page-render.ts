/**
 * Browser code (kept as a string: the page has no build step) that draws LINE message objects:
 * text, images, stickers, locations, template messages and flex bubbles/carousels, roughly as the
 * LINE app does. Every string from a message goes through textContent, never innerHTML. Written
 * without template literals so it can live inside String.raw.
 */
export const RENDER_SCRIPT = String.raw`
var FX_TEXT = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, "3xl": 35, "4xl": 48, "5xl": 74 };
var FX_SPACE = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
var FX_IMAGE = { xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, "3xl": 180, "4xl": 200, "5xl": 220 };
var FX_ICON = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, "3xl": 35, "4xl": 48, "5xl": 74 };
var FX_BUBBLE = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
var FX_BORDER = { none: 0, light: 0.5, normal: 1, medium: 2, "semi-bold": 3, bold: 4 };
var FX_RADIUS = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
var STICKER_FACES = { "1988": "😀", "1989": "👍", "1990": "😢", "1991": "🙏", "2": "😊", "13": "🥰" };

var BROKEN_IMAGE =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#d7dde6"/>' +
      '<path d="M11 27l6-8 5 6 3-4 5 6z" fill="#9aa6b8"/><circle cx="26" cy="14" r="2.5" fill="#9aa6b8"/></svg>',
  );

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function safeUrl(url) {
  return typeof url === "string" && /^(https?:|data:image\/|\/sim\/)/i.test(url) ? url : "";
}

function safeColor(color) {
  return typeof color === "string" && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "";
}

function length(value, table) {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return value + "px";
  if (table && Object.prototype.hasOwnProperty.call(table, value)) return table[value] + "px";
  if (typeof value === "string" && /^-?\d+(\.\d+)?(px|%)$/.test(value)) return value;
  return "";
}

/** Text with line breaks kept and tel:/http(s) links made clickable. */
function linkified(text) {
  var frag = document.createDocumentFragment();
  var pattern = /(tel:\+?[0-9][0-9-]*|https?:\/\/[^\s<>"]+)/g;
  var last = 0;
  var match;
  text = String(text);
  while ((match = pattern.exec(text))) {
    if (match.index > last) frag.appendChild(document.createTextNode(text.slice(last, match.index)));
    var a = el("a", "link", match[0].indexOf("tel:") === 0 ? match[0].slice(4) : match[0]);
    a.href = match[0];
    if (match[0].indexOf("http") === 0) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    frag.appendChild(a);
    last = match.index + match[0].length;
  }
  if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
  return frag;
}

function clickable(node, action) {
  if (!action) return node;
  node.classList.add("clickable");
  node.tabIndex = 0;
  node.setAttribute("role", "button");
  node.addEventListener("click", function (e) {
    e.stopPropagation();
    doAction(action);
  });
  node.addEventListener("keydown", function (e) {
    if (e.key === "Enter") doAction(action);
  });
  return node;
}

function actionLabel(action) {
  if (!action) return "";
  return action.label || action.displayText || action.text || action.data || action.uri || action.type;
}

function imageNode(url, className, alt) {
  var src = safeUrl(url);
  var img = el("img", className);
  img.alt = alt || "";
  img.loading = "lazy";
  if (src) img.src = src;
  img.addEventListener("load", function () {
    followBottom();
  });
  // Bot images often live on hosts this machine cannot reach; show a placeholder, once.
  img.addEventListener("error", function () {
    if (img.classList.contains("broken")) return;
    img.classList.add("broken");
    img.src = BROKEN_IMAGE;
  });
  return img;
}

/** One LINE message object from the bot as a node for the chat. */
function renderBotMessage(message) {
  switch (message.type) {
    case "text":
      return textBubble(message.text);
    case "textV2":
      return textBubble(String(message.text).replace(/\{([a-zA-Z0-9_]+)\}/g, function (all, key) {
        var sub = message.substitution && message.substitution[key];
        if (!sub) return all;
        if (sub.type === "mention") return "@" + (sub.mentionee && sub.mentionee.type === "all" ? "All" : "you");
        return "🙂";
      }));
    case "sticker":
      return el("div", "sticker", STICKER_FACES[message.stickerId] || "🧸");
    case "image": {
      var img = imageNode(message.previewImageUrl || message.originalContentUrl, "photo", "image");
      return clickable(img, { type: "uri", uri: message.originalContentUrl });
    }
    case "video":
      return clickable(textBubble("🎬 video"), { type: "uri", uri: message.originalContentUrl });
    case "audio":
      return clickable(textBubble("🔊 audio"), { type: "uri", uri: message.originalContentUrl });
    case "location":
      return locationCard(message);
    case "imagemap":
      return textBubble("🗺 " + (message.altText || "imagemap"));
    case "template":
      return renderTemplate(message.template || {}, message.altText);
    case "flex":
      return renderFlexContainer(message.contents || {});
    default:
      return textBubble("[" + message.type + "]");
  }
}

function textBubble(text) {
  var bubble = el("div", "bubble");
  bubble.appendChild(linkified(text === undefined ? "" : text));
  return bubble;
}

function locationCard(message) {
  var card = el("div", "bubble location");
  card.appendChild(el("div", "loc-pin", "📍"));
  var info = el("div", "loc-info");
  if (message.title) info.appendChild(el("div", "loc-title", message.title));
  if (message.address) info.appendChild(el("div", "loc-address", message.address));
  info.appendChild(el("div", "loc-coords", Number(message.latitude).toFixed(4) + ", " + Number(message.longitude).toFixed(4)));
  card.appendChild(info);
  return card;
}

function renderTemplate(template, altText) {
  if (template.type === "confirm") {
    var confirm = el("div", "tpl tpl-confirm");
    confirm.appendChild(el("div", "tpl-text", template.text));
    var row = el("div", "tpl-confirm-actions");
    (template.actions || []).forEach(function (action) {
      row.appendChild(templateButton(action));
    });
    confirm.appendChild(row);
    return confirm;
  }
  if (template.type === "buttons") return templateCard(template);
  if (template.type === "carousel" || template.type === "image_carousel") {
    var strip = el("div", "carousel");
    (template.columns || []).forEach(function (column) {
      if (template.type === "carousel") {
        strip.appendChild(templateCard(column, template.imageAspectRatio));
      } else {
        var cell = el("div", "tpl tpl-image-cell");
        cell.appendChild(imageNode(column.imageUrl, "tpl-square", ""));
        if (column.action && column.action.label) cell.appendChild(el("div", "tpl-image-label", column.action.label));
        strip.appendChild(clickable(cell, column.action));
      }
    });
    return strip;
  }
  return textBubble(altText || "[template]");
}

function templateCard(column, ratio) {
  var card = el("div", "tpl");
  if (column.thumbnailImageUrl) {
    var thumb = imageNode(column.thumbnailImageUrl, "tpl-thumb", "");
    if (column.imageAspectRatio === "square" || ratio === "square") thumb.classList.add("square");
    card.appendChild(thumb);
  }
  var textBox = el("div", "tpl-body");
  if (column.title) textBox.appendChild(el("div", "tpl-title", column.title));
  textBox.appendChild(el("div", "tpl-text", column.text));
  card.appendChild(textBox);
  (column.actions || []).forEach(function (action) {
    card.appendChild(templateButton(action));
  });
  if (column.defaultAction) clickable(textBox, column.defaultAction);
  return card;
}

function templateButton(action) {
  var button = el("button", "tpl-action", actionLabel(action));
  button.type = "button";
  button.addEventListener("click", function () {
    doAction(action);
  });
  return button;
}

function renderFlexContainer(container) {
  if (container.type === "carousel") {
    var strip = el("div", "carousel");
    (container.contents || []).forEach(function (bubble) {
      strip.appendChild(renderBubble(bubble));
    });
    return strip;
  }
  return renderBubble(container);
}

var BLOCK_PADDING = { header: 20, hero: 0, body: 20, footer: 10 };

function renderBubble(bubble) {
  var node = el("div", "fx-bubble");
  var width = FX_BUBBLE[bubble.size] || FX_BUBBLE.mega;
  node.style.width = width + "px";
  if (bubble.direction === "rtl") node.dir = "rtl";
  var styles = bubble.styles || {};
  ["header", "hero", "body", "footer"].forEach(function (part) {
    if (!bubble[part]) return;
    var style = styles[part] || {};
    var block = el("div", "fx-block fx-" + part);
    if (safeColor(style.backgroundColor)) block.style.backgroundColor = style.backgroundColor;
    if (style.separator) block.style.borderTop = "1px solid " + (safeColor(style.separatorColor) || "#e5e5e5");
    var root = renderComponent(bubble[part], "vertical");
    if (part !== "hero" && !hasPadding(bubble[part])) root.style.padding = BLOCK_PADDING[part] + "px";
    if (part === "body" && bubble.footer && !hasPadding(bubble[part])) root.style.paddingBottom = "10px";
    block.appendChild(root);
    node.appendChild(block);
  });
  return clickable(node, bubble.action);
}

function hasPadding(box) {
  return ["paddingAll", "paddingTop", "paddingBottom", "paddingStart", "paddingEnd"].some(function (key) {
    return box[key] !== undefined;
  });
}

function renderComponent(c, parentLayout) {
  var node;
  switch (c.type) {
    case "box":
      node = renderBox(c);
      break;
    case "text":
      node = renderText(c);
      break;
    case "button":
      node = renderButton(c);
      break;
    case "image":
      node = renderImage(c);
      break;
    case "icon": {
      node = imageNode(c.url, "fx-icon", "");
      var iconSize = length(c.size || "md", FX_ICON);
      node.style.width = iconSize;
      node.style.height = iconSize;
      break;
    }
    case "separator":
      node = el("div", parentLayout === "vertical" ? "fx-sep-h" : "fx-sep-v");
      if (safeColor(c.color)) node.style.borderColor = c.color;
      break;
    case "spacer":
      node = el("div", "fx-spacer");
      node.style.height = length(c.size || "md", FX_SPACE);
      break;
    case "filler":
      node = el("div", "fx-filler");
      break;
    case "video":
      node = c.altContent ? renderComponent(c.altContent, parentLayout) : el("div", "fx-text", "🎬");
      break;
    default:
      node = el("div", "fx-text", "[" + c.type + "]");
  }
  applyCommon(node, c, parentLayout);
  return node;
}

function applyCommon(node, c, parentLayout) {
  var grow = c.flex !== undefined ? Number(c.flex) : c.type === "filler" ? 1 : parentLayout === "vertical" ? 0 : 1;
  if (c.type !== "separator") node.style.flex = grow > 0 ? grow + " 0 0" : "0 0 auto";
  if (parentLayout !== "vertical" && grow > 0 && c.type !== "filler") node.style.minWidth = "0";
  var align = { top: "flex-start", bottom: "flex-end", center: "center" }[c.gravity];
  if (align && parentLayout === "horizontal") node.style.alignSelf = align;
  if (c.position === "absolute") {
    node.style.position = "absolute";
    node.style.top = length(c.offsetTop, FX_SPACE);
    node.style.bottom = length(c.offsetBottom, FX_SPACE);
    node.style.left = length(c.offsetStart, FX_SPACE);
    node.style.right = length(c.offsetEnd, FX_SPACE);
  } else {
    if (c.offsetTop) node.style.marginTop = length(c.offsetTop, FX_SPACE);
    if (c.offsetStart) node.style.marginLeft = length(c.offsetStart, FX_SPACE);
  }
  if (c.action && c.type !== "button") clickable(node, c.action);
}

function renderBox(box) {
  var layout = box.layout || "vertical";
  var node = el("div", "fx-box fx-" + layout);
  if (safeColor(box.backgroundColor)) node.style.backgroundColor = box.backgroundColor;
  if (box.background && box.background.type === "linearGradient") {
    var start = safeColor(box.background.startColor);
    var end = safeColor(box.background.endColor);
    var angle = /^\d+(\.\d+)?deg$/.test(box.background.angle) ? box.background.angle : "0deg";
    if (start && end) node.style.backgroundImage = "linear-gradient(" + angle + ", " + start + ", " + end + ")";
  }
  if (box.borderWidth !== undefined) {
    node.style.borderStyle = "solid";
    node.style.borderWidth = length(box.borderWidth, FX_BORDER);
    node.style.borderColor = safeColor(box.borderColor) || "#000";
  }
  if (box.cornerRadius !== undefined) node.style.borderRadius = length(box.cornerRadius, FX_RADIUS);
  if (box.width) node.style.width = length(box.width);
  if (box.height) node.style.height = length(box.height);
  if (box.maxWidth) node.style.maxWidth = length(box.maxWidth);
  if (box.paddingAll !== undefined) node.style.padding = length(box.paddingAll, FX_SPACE);
  if (box.paddingTop !== undefined) node.style.paddingTop = length(box.paddingTop, FX_SPACE);
  if (box.paddingBottom !== undefined) node.style.paddingBottom = length(box.paddingBottom, FX_SPACE);
  if (box.paddingStart !== undefined) node.style.paddingLeft = length(box.paddingStart, FX_SPACE);
  if (box.paddingEnd !== undefined) node.style.paddingRight = length(box.paddingEnd, FX_SPACE);
  var justify = { "flex-start": 1, "flex-end": 1, center: 1, "space-between": 1, "space-around": 1, "space-evenly": 1 };
  if (justify[box.justifyContent]) node.style.justifyContent = box.justifyContent;
  if (justify[box.alignItems]) node.style.alignItems = box.alignItems;
  var gap = FX_SPACE[box.spacing] || 0;
  (box.contents || []).forEach(function (child, i) {
    var childNode = renderComponent(child, layout);
    var margin = child.margin !== undefined ? length(child.margin, FX_SPACE) : i > 0 && gap ? gap + "px" : "";
    if (margin && child.position !== "absolute") {
      if (layout === "vertical") childNode.style.marginTop = margin;
      else childNode.style.marginLeft = margin;
    }
    node.appendChild(childNode);
  });
  return node;
}

function renderText(c) {
  var node = el("div", "fx-text");
  if (Array.isArray(c.contents) && c.contents.length) {
    c.contents.forEach(function (span) {
      var s = el("span", "", span.text);
      if (safeColor(span.color)) s.style.color = span.color;
      if (span.size) s.style.fontSize = length(span.size, FX_TEXT);
      if (span.weight === "bold") s.style.fontWeight = "700";
      if (span.style === "italic") s.style.fontStyle = "italic";
      if (span.decoration && span.decoration !== "none") s.style.textDecoration = span.decoration;
      node.appendChild(s);
    });
  } else {
    node.appendChild(linkified(c.text === undefined ? "" : c.text));
  }
  node.style.fontSize = length(c.size || "md", FX_TEXT);
  if (c.weight === "bold") node.style.fontWeight = "700";
  if (safeColor(c.color)) node.style.color = c.color;
  if (c.style === "italic") node.style.fontStyle = "italic";
  if (c.decoration && c.decoration !== "none") node.style.textDecoration = c.decoration;
  var align = { start: "left", end: "right", center: "center" }[c.align];
  if (align) node.style.textAlign = align;
  if (c.lineSpacing) node.style.lineHeight = "calc(1.4em + " + length(c.lineSpacing) + ")";
  if (c.wrap) {
    node.classList.add("wrap");
    if (c.maxLines > 0) {
      node.classList.add("clamp");
      node.style.webkitLineClamp = String(c.maxLines);
    }
  }
  return node;
}

function renderButton(c) {
  var action = c.action || {};
  var style = c.style || "link";
  var button = el("button", "fx-button fx-button-" + style + (c.height === "sm" ? " sm" : ""), actionLabel(action));
  button.type = "button";
  var color = safeColor(c.color);
  if (color && style === "link") button.style.color = color;
  else if (color) button.style.backgroundColor = color;
  button.addEventListener("click", function () {
    doAction(action);
  });
  return button;
}

function renderImage(c) {
  var wrap = el("div", "fx-image");
  var size = c.size || "md";
  var img = imageNode(c.url, "", "");
  if (size === "full") wrap.style.width = "100%";
  else wrap.style.width = length(size, FX_IMAGE) || "100px";
  wrap.style.maxWidth = "100%";
  var ratio = /^(\d+(\.\d+)?):(\d+(\.\d+)?)$/.exec(c.aspectRatio || "1:1");
  if (ratio) img.style.aspectRatio = ratio[1] + " / " + ratio[3];
  img.style.objectFit = c.aspectMode === "cover" ? "cover" : "contain";
  if (safeColor(c.backgroundColor)) img.style.backgroundColor = c.backgroundColor;
  var align = { start: "flex-start", end: "flex-end" }[c.align];
  wrap.style.alignSelf = align || "center";
  wrap.appendChild(img);
  return wrap;
}
`;
