import { messagingApi } from "@line/bot-sdk";
import { richMenu } from "@sa/bot";
import { translator } from "@sa/core";

/**
 * Registers the main rich menu as every user's default, through the Messaging API — the same
 * calls work against LINE with a real image.
 */
export async function registerRichMenu(options: {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  image: Buffer;
  imageType: "image/png" | "image/jpeg";
}): Promise<string> {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.apiBaseUrl,
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.dataApiBaseUrl,
  });
  const { richMenuId } = await client.createRichMenu(richMenu(translator("th")));
  await blob.setRichMenuImage(
    richMenuId,
    new Blob([new Uint8Array(options.image)], { type: options.imageType }),
  );
  await client.setDefaultRichMenu(richMenuId);
  return richMenuId;
}
