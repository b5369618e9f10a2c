import { useEffect, useState } from "preact/hooks";
import { getCasePhoto } from "../../api/endpoints";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";

/** Photos need the Bearer token, so an <img src> cannot fetch them: fetch, then show a blob URL. */
export function CasePhoto({ ticket, index }: { ticket: string; index: number }) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    getCasePhoto(api, ticket, index).then(
      blob => {
        if (!live) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, ticket, index]);

  const alt = t("case.photoAlt", { index: index + 1 });
  if (failed) return <p class="photo missing">{t("case.photoFailed", { index: index + 1 })}</p>;
  if (!url) return <div class="photo loading" role="img" aria-label={alt} />;
  return (
    <a href={url} target="_blank" rel="noopener">
      <img class="photo" src={url} alt={alt} />
    </a>
  );
}
