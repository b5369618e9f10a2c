import { getCaseFile } from "../../api/endpoints";
import { useBlobUrl } from "../../api/use-blob-url";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";

/** A case's photo or a visit's (`visit`), fetched with the token; tap opens it full size. */
export function CasePhoto({
  ticket,
  index,
  visit,
}: {
  ticket: string;
  index: number;
  visit?: string;
}) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const { url, failed } = useBlobUrl(
    () => getCaseFile(api, ticket, `${visit ? `visits/${visit}/` : ""}photos/${index}`),
    [api, ticket, index, visit],
  );

  const alt = t("case.photoAlt", { index: index + 1 });
  if (failed) return <p class="photo missing">{t("case.photoFailed", { index: index + 1 })}</p>;
  if (!url) return <div class="photo loading" role="img" aria-label={alt} />;
  return (
    <a href={url} target="_blank" rel="noopener">
      <img class="photo" src={url} alt={alt} />
    </a>
  );
}
