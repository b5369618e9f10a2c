import liff from "../../../../core/src/locales/en/liff.json";
import { hardship } from "../../../../core/src/locales/en/welfare.json";

export const catalog = { liff, welfare: { hardship } };
