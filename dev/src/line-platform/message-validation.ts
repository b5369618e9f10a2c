import type { JsonObject } from "./state";

export interface ErrorDetail {
  message: string;
  property: string;
}

/** A failed validation, already in the shape of LINE's error body. */
export interface ValidationFailure {
  message: string;
  details: ErrorDetail[];
}

const MESSAGE_TYPES = [
  "text",
  "textV2",
  "sticker",
  "image",
  "video",
  "audio",
  "location",
  "imagemap",
  "template",
  "flex",
];

const ACTION_TYPES = [
  "postback",
  "message",
  "uri",
  "datetimepicker",
  "camera",
  "cameraRoll",
  "location",
  "richmenuswitch",
  "clipboard",
];

const FLEX_COMPONENTS = [
  "box",
  "button",
  "image",
  "video",
  "icon",
  "text",
  "span",
  "separator",
  "filler",
  "spacer",
];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a `messages` array the way the send endpoints do. Ordinary mistakes come back as
 * "The request body has N error(s)" with a property per mistake; a broken flex container comes
 * back as LINE reports it, "A message (messages[i]) in the request body is invalid" with
 * JSON-pointer properties inside the container.
 */
export function validateMessages(value: unknown): ValidationFailure | null {
  if (!Array.isArray(value) || value.length === 0) {
    return bodyErrors([{ message: "May not be empty", property: "messages" }]);
  }
  if (value.length > 5) {
    return bodyErrors([{ message: "Size must be between 1 and 5", property: "messages" }]);
  }
  const details: ErrorDetail[] = [];
  for (const [i, message] of value.entries()) {
    const flexDetails: ErrorDetail[] = [];
    validateMessage(message, `messages[${i}]`, details, flexDetails);
    if (flexDetails.length > 0 && details.length === 0) {
      return {
        message: `A message (messages[${i}]) in the request body is invalid`,
        details: flexDetails,
      };
    }
  }
  return details.length > 0 ? bodyErrors(details) : null;
}

export function bodyErrors(details: ErrorDetail[]): ValidationFailure {
  return { message: `The request body has ${details.length} error(s)`, details };
}

function validateMessage(
  message: unknown,
  prop: string,
  details: ErrorDetail[],
  flexDetails: ErrorDetail[],
): void {
  if (!isObject(message)) {
    details.push({ message: "May not be empty", property: prop });
    return;
  }
  const type = message.type;
  if (typeof type !== "string" || !MESSAGE_TYPES.includes(type)) {
    details.push({
      message: `Must be one of the following values: [${MESSAGE_TYPES.join(", ")}]`,
      property: `${prop}.type`,
    });
    return;
  }
  switch (type) {
    case "text":
    case "textV2":
      checkString(message, "text", prop, details, { required: true, max: 5000 });
      break;
    case "sticker":
      checkString(message, "packageId", prop, details, { required: true });
      checkString(message, "stickerId", prop, details, { required: true });
      break;
    case "image":
    case "video":
      checkUrl(message, "originalContentUrl", prop, details);
      checkUrl(message, "previewImageUrl", prop, details);
      break;
    case "audio":
      checkUrl(message, "originalContentUrl", prop, details);
      checkNumber(message, "duration", prop, details);
      break;
    case "location":
      checkString(message, "title", prop, details, { required: true, max: 100 });
      checkString(message, "address", prop, details, { required: true, max: 100 });
      checkNumber(message, "latitude", prop, details);
      checkNumber(message, "longitude", prop, details);
      break;
    case "imagemap":
      checkString(message, "baseUrl", prop, details, { required: true, max: 2000 });
      checkString(message, "altText", prop, details, { required: true, max: 1500 });
      break;
    case "template":
      checkString(message, "altText", prop, details, { required: true, max: 400 });
      validateTemplate(message.template, `${prop}.template`, details);
      break;
    case "flex":
      checkString(message, "altText", prop, details, { required: true, max: 1500 });
      validateFlexContainer(message.contents, "", flexDetails);
      if (JSON.stringify(message.contents ?? null).length > 30_000) {
        flexDetails.push({
          message: "Too large flex message. The maximum size of JSON data is 30 KB.",
          property: "/",
        });
      }
      break;
  }
  if (message.quickReply !== undefined) validateQuickReply(message.quickReply, prop, details);
}

function validateQuickReply(quickReply: unknown, prop: string, details: ErrorDetail[]): void {
  const itemsProp = `${prop}.quickReply.items`;
  if (!isObject(quickReply) || !Array.isArray(quickReply.items)) {
    details.push({ message: "May not be empty", property: itemsProp });
    return;
  }
  if (quickReply.items.length < 1 || quickReply.items.length > 13) {
    details.push({ message: "Size must be between 1 and 13", property: itemsProp });
    return;
  }
  for (const [i, item] of quickReply.items.entries()) {
    const itemProp = `${itemsProp}[${i}]`;
    if (!isObject(item) || item.type !== "action") {
      details.push({
        message: "Must be one of the following values: [action]",
        property: `${itemProp}.type`,
      });
      continue;
    }
    if (item.imageUrl !== undefined) checkUrl(item, "imageUrl", itemProp, details);
    validateAction(item.action, `${itemProp}.action`, details, {
      labelMax: 20,
      labelRequired: true,
    });
  }
}

function validateTemplate(template: unknown, prop: string, details: ErrorDetail[]): void {
  if (!isObject(template)) {
    details.push({ message: "May not be empty", property: prop });
    return;
  }
  const actionsOf = (holder: JsonObject, holderProp: string, min: number, max: number) => {
    const actions = holder.actions;
    if (!Array.isArray(actions) || actions.length < min || actions.length > max) {
      details.push({
        message: `Size must be between ${min} and ${max}`,
        property: `${holderProp}.actions`,
      });
      return;
    }
    actions.forEach((action, i) =>
      validateAction(action, `${holderProp}.actions[${i}]`, details, {
        labelMax: 20,
        labelRequired: true,
      }),
    );
  };
  switch (template.type) {
    case "buttons": {
      const short = template.thumbnailImageUrl !== undefined || template.title !== undefined;
      checkString(template, "title", prop, details, { max: 40 });
      checkString(template, "text", prop, details, { required: true, max: short ? 60 : 160 });
      if (template.thumbnailImageUrl !== undefined) {
        checkUrl(template, "thumbnailImageUrl", prop, details);
      }
      actionsOf(template, prop, 1, 4);
      break;
    }
    case "confirm":
      checkString(template, "text", prop, details, { required: true, max: 240 });
      actionsOf(template, prop, 2, 2);
      break;
    case "carousel":
    case "image_carousel": {
      const columns = template.columns;
      if (!Array.isArray(columns) || columns.length < 1 || columns.length > 10) {
        details.push({ message: "Size must be between 1 and 10", property: `${prop}.columns` });
        break;
      }
      columns.forEach((column, i) => {
        const columnProp = `${prop}.columns[${i}]`;
        if (!isObject(column)) {
          details.push({ message: "May not be empty", property: columnProp });
        } else if (template.type === "carousel") {
          const short = column.thumbnailImageUrl !== undefined || column.title !== undefined;
          checkString(column, "title", columnProp, details, { max: 40 });
          checkString(column, "text", columnProp, details, {
            required: true,
            max: short ? 60 : 120,
          });
          actionsOf(column, columnProp, 1, 3);
        } else {
          checkUrl(column, "imageUrl", columnProp, details);
          validateAction(column.action, `${columnProp}.action`, details, { labelMax: 12 });
        }
      });
      break;
    }
    default:
      details.push({
        message:
          "Must be one of the following values: [buttons, confirm, carousel, image_carousel]",
        property: `${prop}.type`,
      });
  }
}

interface ActionLimits {
  labelMax: number;
  labelRequired?: boolean;
}

/** Validates an action object; also used for rich menu areas. */
export function validateAction(
  action: unknown,
  prop: string,
  details: ErrorDetail[],
  limits: ActionLimits,
): void {
  if (!isObject(action)) {
    details.push({ message: "May not be empty", property: prop });
    return;
  }
  if (typeof action.type !== "string" || !ACTION_TYPES.includes(action.type)) {
    details.push({
      message: `Must be one of the following values: [${ACTION_TYPES.join(", ")}]`,
      property: `${prop}.type`,
    });
    return;
  }
  checkString(action, "label", prop, details, {
    required: limits.labelRequired ?? false,
    max: limits.labelMax,
  });
  switch (action.type) {
    case "message":
      checkString(action, "text", prop, details, { required: true, max: 300 });
      break;
    case "postback":
      checkString(action, "data", prop, details, { required: true, max: 300 });
      checkString(action, "displayText", prop, details, { max: 300 });
      break;
    case "uri":
      checkString(action, "uri", prop, details, { required: true, max: 1000 });
      if (typeof action.uri === "string" && !/^(https?|line|tel):/i.test(action.uri)) {
        details.push({ message: "invalid uri scheme", property: `${prop}.uri` });
      }
      break;
    case "datetimepicker":
      checkString(action, "data", prop, details, { required: true, max: 300 });
      if (!["date", "time", "datetime"].includes(String(action.mode))) {
        details.push({
          message: "Must be one of the following values: [date, time, datetime]",
          property: `${prop}.mode`,
        });
      }
      break;
    case "clipboard":
      checkString(action, "clipboardText", prop, details, { required: true, max: 1000 });
      break;
    case "richmenuswitch":
      checkString(action, "richMenuAliasId", prop, details, { required: true, max: 32 });
      checkString(action, "data", prop, details, { required: true, max: 300 });
      break;
  }
}

/** Flex errors use JSON pointers inside the container, e.g. "/footer/contents/0/action/label". */
function validateFlexContainer(container: unknown, path: string, details: ErrorDetail[]): void {
  if (!isObject(container)) {
    details.push({ message: "must be specified", property: path || "/" });
    return;
  }
  if (container.type === "carousel") {
    const bubbles = container.contents;
    if (!Array.isArray(bubbles) || bubbles.length < 1 || bubbles.length > 12) {
      details.push({ message: "size must be between 1 and 12", property: `${path}/contents` });
      return;
    }
    bubbles.forEach((bubble, i) => validateBubble(bubble, `${path}/contents/${i}`, details));
    return;
  }
  if (container.type === "bubble") {
    validateBubble(container, path, details);
    return;
  }
  details.push({ message: "invalid property", property: `${path}/type` });
}

function validateBubble(bubble: unknown, path: string, details: ErrorDetail[]): void {
  if (!isObject(bubble) || bubble.type !== "bubble") {
    details.push({ message: "invalid property", property: `${path}/type` });
    return;
  }
  for (const block of ["header", "hero", "body", "footer"] as const) {
    const component = bubble[block];
    if (component === undefined) continue;
    if (block !== "hero" && (!isObject(component) || component.type !== "box")) {
      details.push({ message: "invalid property", property: `${path}/${block}/type` });
      continue;
    }
    validateFlexComponent(component, `${path}/${block}`, details);
  }
}

function validateFlexComponent(component: unknown, path: string, details: ErrorDetail[]): void {
  if (!isObject(component)) {
    details.push({ message: "must be specified", property: path });
    return;
  }
  if (typeof component.type !== "string" || !FLEX_COMPONENTS.includes(component.type)) {
    details.push({ message: "invalid property", property: `${path}/type` });
    return;
  }
  switch (component.type) {
    case "box":
      if (!["vertical", "horizontal", "baseline"].includes(String(component.layout))) {
        details.push({ message: "must be specified", property: `${path}/layout` });
      }
      if (!Array.isArray(component.contents)) {
        details.push({ message: "must be specified", property: `${path}/contents` });
      } else {
        component.contents.forEach((child, i) =>
          validateFlexComponent(child, `${path}/contents/${i}`, details),
        );
      }
      break;
    case "text":
      if (typeof component.text !== "string" && !Array.isArray(component.contents)) {
        details.push({ message: "must be specified", property: `${path}/text` });
      }
      break;
    case "button":
      if (component.action === undefined) {
        details.push({ message: "must be specified", property: `${path}/action` });
      } else {
        flexAction(component.action, `${path}/action`, details, 40, true);
      }
      return;
    case "image":
    case "icon":
      if (typeof component.url !== "string") {
        details.push({ message: "must be specified", property: `${path}/url` });
      } else if (!/^https:\/\//i.test(component.url)) {
        details.push({ message: "invalid uri scheme", property: `${path}/url` });
      }
      break;
  }
  if (component.action !== undefined)
    flexAction(component.action, `${path}/action`, details, 40, false);
}

/** Reuses the action rules but reports them with flex's JSON-pointer paths. */
function flexAction(
  action: unknown,
  path: string,
  details: ErrorDetail[],
  labelMax: number,
  labelRequired: boolean,
): void {
  const found: ErrorDetail[] = [];
  validateAction(action, "", found, { labelMax, labelRequired });
  for (const detail of found) {
    const relative = detail.property.replace(/^\./, "");
    details.push({
      message: detail.message === "May not be empty" ? "must be specified" : detail.message,
      property: relative === "" ? path : `${path}/${relative.replace(/\./g, "/")}`,
    });
  }
}

interface StringRule {
  required?: boolean;
  max?: number;
}

function checkString(
  holder: JsonObject,
  key: string,
  prop: string,
  details: ErrorDetail[],
  rule: StringRule,
): void {
  const value = holder[key];
  const property = prop ? `${prop}.${key}` : key;
  if (value === undefined || value === null || value === "") {
    if (rule.required) details.push({ message: "May not be empty", property });
    return;
  }
  if (typeof value !== "string") {
    details.push({ message: "Must be a string", property });
    return;
  }
  // LINE counts UTF-16 code units: an emoji outside the BMP counts as two characters.
  if (rule.max !== undefined && value.length > rule.max) {
    details.push({ message: `Length must be between 0 and ${rule.max}`, property });
  }
}

function checkUrl(holder: JsonObject, key: string, prop: string, details: ErrorDetail[]): void {
  const value = holder[key];
  const property = `${prop}.${key}`;
  if (typeof value !== "string" || value === "") {
    details.push({ message: "May not be empty", property });
  } else if (value.length > 2000) {
    details.push({ message: "Length must be between 0 and 2000", property });
  } else if (!/^https:\/\//i.test(value)) {
    details.push({ message: "Must be a valid HTTPS URL", property });
  }
}

function checkNumber(holder: JsonObject, key: string, prop: string, details: ErrorDetail[]): void {
  if (typeof holder[key] !== "number") {
    details.push({ message: "Must be a number", property: `${prop}.${key}` });
  }
}
