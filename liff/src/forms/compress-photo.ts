/** The API takes at most ~300 KB a photo as a data URL (visitSchema allows 400,000 characters). */
export const MAX_PHOTO_CHARS = 400_000;
const MAX_SIDE = 1280;
const QUALITY = 0.7;

function loadImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("not an image"));
    };
    image.src = url;
  });
}

/**
 * Shrinks a phone photo (often 4000 px, 3–6 MB) to ≤ 1280 px JPEG on the phone itself: a weak
 * rural signal can carry 200 KB, not 5 MB. Lowers quality, then size, until it fits.
 */
export async function compressPhoto(file: Blob): Promise<string> {
  const image = await loadImage(file);
  let scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  let quality = QUALITY;
  for (let attempt = 0; attempt < 8; attempt++) {
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no canvas");
    // JPEG has no transparency: a white background instead of black behind a PNG's holes.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL("image/jpeg", quality);
    if (dataUrl.length <= MAX_PHOTO_CHARS) return dataUrl;
    if (quality > 0.45) quality -= 0.15;
    else scale *= 0.75;
  }
  throw new Error("photo too large");
}
