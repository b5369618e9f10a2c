import { parse } from "csv-parse/sync";

/** A spreadsheet we could not read at all (not CSV, not .xlsx, or broken). */
export class UnreadableFileError extends Error {
  override name = "UnreadableFileError";
}

/** The most rows one list may have: a district's target households, with room to spare. */
export const MAX_IMPORT_ROWS = 20_000;

const XLSX_MAGIC = Buffer.from("PK\u0003\u0004", "latin1");

/**
 * A list's first sheet as rows of text cells. `.xlsx` files are read with read-excel-file, CSV
 * with csv-parse (UTF-8, or the Windows Thai code page older Excel saves CSV in). Dates in a
 * sheet become YYYY-MM-DD, whatever era their year is in, for the checks to read.
 */
export async function readTable(content: Buffer): Promise<string[][]> {
  const rows = content.subarray(0, 4).equals(XLSX_MAGIC)
    ? await readXlsx(content)
    : readCsv(content);
  if (rows.length - 1 > MAX_IMPORT_ROWS) {
    throw new UnreadableFileError(`More than ${MAX_IMPORT_ROWS} rows`);
  }
  return rows;
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  try {
    // Loaded on the first spreadsheet, not at import: every other request would pay for it.
    const { readSheet } = await import("read-excel-file/node");
    const rows = await readSheet(content);
    return rows.map(row => row.map(cellText));
  } catch (error) {
    throw new UnreadableFileError(`Not a readable .xlsx file: ${(error as Error).name}`);
  }
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

function readCsv(content: Buffer): string[][] {
  const text = decodeText(content);
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Excel in Thai locales may save with semicolons; commas are the template's.
      delimiter: sniffDelimiter(text),
    }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(`Not a readable CSV file: ${(error as Error).name}`);
  }
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return new TextDecoder("windows-874").decode(content);
  }
}

function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length;
  return count(";") > count(",") ? ";" : count("\t") > count(",") ? "\t" : ",";
}
