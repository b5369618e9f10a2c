import type { messagingApi } from "@line/bot-sdk";
import {
  formatThaiPhone,
  helpPointMapUrl,
  type HelpPoint,
  type NearbyHelpPoint,
  type Translate,
} from "@sa/core";
import { Action, encodePostback } from "../postback";
import { postbackItem, textMessage } from "./quick-reply";

/** The answer to "ศูนย์ใกล้ฉัน": this many help points, nearest first. */
export const NEARBY_HELP_POINTS = 3;

/** "850 ม." under a kilometre, "4.2 กม." beyond: what a person judges a walk or a ride by. */
export function distanceText(distanceKm: number, t: Translate): string {
  return distanceKm < 1
    ? t("nearby.metres", { distance: Math.max(10, Math.round((distanceKm * 1000) / 10) * 10) })
    : t("nearby.kilometres", { distance: distanceKm.toFixed(1) });
}

function phoneText(phone: string): string {
  return phone.length <= 4 ? phone : formatThaiPhone(phone);
}

function bubble({ point, distanceKm }: NearbyHelpPoint, t: Translate): messagingApi.FlexBubble {
  const line = (
    text: string,
    extra: Partial<messagingApi.FlexText> = {},
  ): messagingApi.FlexText => ({
    type: "text",
    text,
    size: "sm",
    wrap: true,
    ...extra,
  });
  return {
    type: "bubble",
    size: "kilo",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      contents: [
        line(t(`nearby.kind.${point.kind}`), { size: "xs", color: "#6A1B9A" }),
        line(point.name, { size: "md", weight: "bold" }),
        line(t("nearby.distance", { distance: distanceText(distanceKm, t) }), { weight: "bold" }),
        line(point.address, { size: "xs", color: "#555555" }),
        line(t("nearby.hours", { hours: point.hours }), { size: "xs", color: "#555555" }),
        ...(point.demo ? [line(t("nearby.demo"), { size: "xxs", color: "#B71C1C" })] : []),
      ],
    },
    footer: {
      type: "box",
      layout: "vertical",
      spacing: "sm",
      contents: [
        {
          type: "button",
          style: "primary",
          height: "sm",
          action: {
            type: "uri",
            label: t("nearby.call", { phone: phoneText(point.phone) }),
            uri: `tel:${point.phone}`,
          },
        },
        {
          type: "button",
          style: "secondary",
          height: "sm",
          action: { type: "uri", label: t("nearby.map"), uri: helpPointMapUrl(point) },
        },
      ],
    },
  };
}

/** The nearest help points as cards with a call button and a map link; 1300 when none is known. */
export function nearbyHelpPointsMessage(
  nearby: readonly NearbyHelpPoint[],
  t: Translate,
): messagingApi.Message {
  const again = [postbackItem(t("menu.nearby"), encodePostback(Action.menuNearby))];
  if (nearby.length === 0) return textMessage(t("nearby.none"), again);
  return {
    type: "flex",
    altText: t("nearby.altText", {
      list: nearby
        .map(n => `${n.point.name} ${distanceText(n.distanceKm, t)} ${phoneText(n.point.phone)}`)
        .join(", "),
    }),
    contents: { type: "carousel", contents: nearby.map(n => bubble(n, t)) },
    quickReply: { items: again },
  };
}

/** One line under "ส่งเรื่องเรียบร้อยแล้ว": where the citizen can also walk in. */
export function nearestCentreText(nearest: NearbyHelpPoint, t: Translate): string {
  const point: HelpPoint = nearest.point;
  return t("nearby.afterReport", {
    name: point.name,
    distance: distanceText(nearest.distanceKm, t),
    phone: phoneText(point.phone),
  });
}
