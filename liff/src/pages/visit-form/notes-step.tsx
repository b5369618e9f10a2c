import { useState } from "preact/hooks";
import { TextField } from "../../components/field/text-field";
import { compressPhoto } from "../../forms/compress-photo";
import { useLanguage } from "../../i18n/language-context";
import type { LiffKey } from "../../i18n/catalog";
import type { StepProps } from "./step-props";

const MAX_PHOTOS = 3;

export function NotesStep({
  form,
  update,
  error,
  photos = true,
}: StepProps & { photos?: boolean }) {
  const { t } = useLanguage();
  const [photoState, setPhotoState] = useState<LiffKey | null>(null);
  const [gpsState, setGpsState] = useState<LiffKey | null>(null);

  const addPhotos = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setPhotoState("visit.photoCompressing");
    const room = MAX_PHOTOS - form.photos.length;
    const added: string[] = [];
    for (const file of Array.from(files).slice(0, room)) {
      try {
        added.push(await compressPhoto(file));
      } catch {
        setPhotoState("visit.photoFailed");
        continue;
      }
    }
    update(f => ({ ...f, photos: [...f.photos, ...added].slice(0, MAX_PHOTOS) }));
    setPhotoState(prev => (prev === "visit.photoCompressing" ? null : prev));
  };

  const recordLocation = () => {
    if (!("geolocation" in navigator)) {
      setGpsState("visit.gpsUnavailable");
      return;
    }
    setGpsState("visit.gpsLocating");
    navigator.geolocation.getCurrentPosition(
      position => {
        const { latitude, longitude, accuracy } = position.coords;
        update(f => ({ ...f, gps: { latitude, longitude, accuracy } }));
        setGpsState(null);
      },
      failure =>
        setGpsState(
          failure.code === failure.PERMISSION_DENIED ? "visit.gpsDenied" : "visit.gpsUnavailable",
        ),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  return (
    <>
      <div class="card">
        <TextField
          id="v-notes"
          label={t("visit.notes")}
          optional
          multiline
          value={form.notes}
          error={error("v-notes")}
          onInput={notes => update(f => ({ ...f, notes }))}
        />
      </div>
      {photos && (
        <div class="card" id="v-photos" tabIndex={-1}>
          <h3>{t("visit.photos")}</h3>
          <p class="hint">{t("visit.photosHint", { max: MAX_PHOTOS })}</p>
          {error("v-photos") && <p class="field-error">{error("v-photos")}</p>}
          {form.photos.length > 0 && (
            <ul class="photos">
              {form.photos.map((photo, index) => (
                <li key={index}>
                  <img class="photo" src={photo} alt={t("case.photoAlt", { index: index + 1 })} />
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() =>
                      update(f => ({ ...f, photos: f.photos.filter((_, i) => i !== index) }))
                    }
                  >
                    {t("visit.removePhoto", { index: index + 1 })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {form.photos.length < MAX_PHOTOS && (
            <label class="button secondary file-button">
              {t("visit.addPhoto")}
              <input
                type="file"
                accept="image/*"
                multiple
                class="visually-hidden"
                onChange={event => {
                  const input = event.currentTarget;
                  void addPhotos(input.files).finally(() => (input.value = ""));
                }}
              />
            </label>
          )}
          {photoState && (
            <p class="hint" role="status">
              {t(photoState)}
            </p>
          )}
        </div>
      )}
      <div class="card">
        <h3>{t("visit.gps")}</h3>
        {form.gps ? (
          <p>
            {t("visit.gpsRecorded", {
              latitude: form.gps.latitude.toFixed(5),
              longitude: form.gps.longitude.toFixed(5),
              accuracy: Math.round(form.gps.accuracy),
            })}
          </p>
        ) : (
          <p class="hint">{t("visit.gpsHint")}</p>
        )}
        <div class="actions">
          <button type="button" class="button secondary" onClick={recordLocation}>
            {form.gps ? t("visit.gpsAgain") : t("visit.gpsRecord")}
          </button>
          {form.gps && (
            <button
              type="button"
              class="button secondary"
              onClick={() => update(f => ({ ...f, gps: null }))}
            >
              {t("visit.gpsRemove")}
            </button>
          )}
        </div>
        {gpsState && (
          <p class="hint" role="status">
            {t(gpsState)}
          </p>
        )}
      </div>
    </>
  );
}
