import { messagingApi } from "@line/bot-sdk";
import { richMenu, richMenuAlias } from "@sa/bot";
import { LANGUAGES, translator, type Language } from "@sa/core";
import { renderRichMenuImage } from "./rich-menu-image";

/** Our menus are named after this; older ones of ours are replaced, anyone else's are kept. */
const MENU_NAME = "main-menu";
/** LINE links at most this many users in one bulk call. */
const BULK_LINK_MAX = 500;

export interface LineSetupOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  /** Users whose language is English: they get the English menu, everyone else the Thai one. */
  englishUserIds: string[];
  /** Set as the channel's webhook and tested with LINE's test call; left alone when absent. */
  webhookUrl?: string;
}

export interface LineSetupResult {
  /** The rich menu now in use for each language (alias `main-<language>`). */
  menus: Record<Language, string>;
  replaced: string[];
  webhookTest?: messagingApi.TestWebhookEndpointResponse;
}

/**
 * Creates or updates what the channel needs through the Messaging API: a rich menu per
 * language with a picture drawn from the catalog's labels, aliases pointing at them, Thai as
 * everyone's default with English linked to English speakers, and the webhook endpoint, set
 * and tested. Safe to run again: the new menus replace the previous ones of ours.
 */
export async function setupLine(options: LineSetupOptions): Promise<LineSetupResult> {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.apiBaseUrl,
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.dataApiBaseUrl,
  });
  const previous = (await client.getRichMenuList()).richmenus.filter(m =>
    m.name.startsWith(MENU_NAME),
  );
  const aliases = new Set(
    (await client.getRichMenuAliasList()).aliases.map(a => a.richMenuAliasId),
  );

  const menus = {} as Record<Language, string>;
  for (const language of LANGUAGES) {
    const menu = { ...richMenu(translator(language)), name: `${MENU_NAME}-${language}` };
    const { richMenuId } = await client.createRichMenu(menu);
    const image = new Uint8Array(renderRichMenuImage(menu));
    await blob.setRichMenuImage(richMenuId, new Blob([image], { type: "image/png" }));
    const richMenuAliasId = richMenuAlias(language);
    if (aliases.has(richMenuAliasId)) {
      await client.updateRichMenuAlias(richMenuAliasId, { richMenuId });
    } else {
      await client.createRichMenuAlias({ richMenuAliasId, richMenuId });
    }
    menus[language] = richMenuId;
  }
  await client.setDefaultRichMenu(menus.th);
  for (let i = 0; i < options.englishUserIds.length; i += BULK_LINK_MAX) {
    const userIds = options.englishUserIds.slice(i, i + BULK_LINK_MAX);
    await client.linkRichMenuIdToUsers({ richMenuId: menus.en, userIds });
  }
  // Only now: deleting a menu unlinks its users, who must already have the new one.
  for (const old of previous) await client.deleteRichMenu(old.richMenuId);

  if (!options.webhookUrl) return { menus, replaced: previous.map(m => m.richMenuId) };
  await client.setWebhookEndpoint({ endpoint: options.webhookUrl });
  const webhookTest = await client.testWebhookEndpoint({ endpoint: options.webhookUrl });
  return { menus, replaced: previous.map(m => m.richMenuId), webhookTest };
}

/** What no API can do: the operator's remaining clicks in the LINE Developers console. */
export const CONSOLE_STEPS = [
  "Messaging API tab: turn on “Use webhook” and “Webhook redelivery”.",
  "LINE Official Account Manager → Response settings: turn off auto-reply and greeting messages (the bot answers).",
  "LINE Login channel (or LINE MINI App channel): LIFF app endpoint URL = the Hosting URL, scopes openid + profile, size Full.",
  "LINE Login channel → “Linked LINE Official Account”: choose this account, so the LIFF app can offer to add it.",
  "Basic settings: set the channel's privacy policy and terms of use URLs (PDPA notice).",
];
