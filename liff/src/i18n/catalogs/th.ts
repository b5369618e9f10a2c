import liff from "../../../../core/src/locales/th/liff.json";
// Only the benefit and hardship names of the shared welfare catalog: the API sends results
// translated, and the visit's benefits found come from it too.
import { benefit, hardship } from "../../../../core/src/locales/th/welfare.json";

export const catalog = { liff, welfare: { benefit, hardship } };
