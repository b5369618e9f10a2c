import type { CaseDetail } from "@sa/core";
import { getCaseFile } from "../../api/endpoints";
import { useBlobUrl } from "../../api/use-blob-url";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";

type Media = CaseDetail["media"][number];

/** 42_000 → "0:42": how long it is, so staff know before they press play. */
export const clockDuration = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

/** A voice note (the citizen's story told aloud) or a video, played in the page. */
export function CaseMedia({
  ticket,
  index,
  media,
}: {
  ticket: string;
  index: number;
  media: Media;
}) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const { url, failed } = useBlobUrl(
    () => getCaseFile(api, ticket, `media/${index}`),
    [api, ticket, index],
  );

  const label = t(media.kind === "audio" ? "case.voiceNote" : "case.video", {
    duration: clockDuration(media.durationMs),
  });
  return (
    <figure class="case-media">
      <figcaption>{label}</figcaption>
      {failed ? (
        <p class="photo missing">{t("case.mediaFailed")}</p>
      ) : (
        url &&
        (media.kind === "audio" ? (
          <audio controls preload="metadata" src={url} aria-label={label} />
        ) : (
          <video controls preload="metadata" playsInline src={url} aria-label={label} />
        ))
      )}
    </figure>
  );
}
