import liff from "../../../../core/src/locales/th/liff.json";
// Only the hardship names of the shared welfare catalog: the API sends results translated.
import { hardship } from "../../../../core/src/locales/th/welfare.json";

export const catalog = { liff, welfare: { hardship } };
