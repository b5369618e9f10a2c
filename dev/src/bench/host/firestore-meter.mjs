// Counts the Firestore operations this process makes, as Firestore bills them, by wrapping the
// Admin SDK's internal readers and commit (every repository goes through them): a document
// read is one read (a missing one too), a query is one query plus one read per document
// returned (one when none), an aggregation one read per 1,000 index entries, a committed
// write one write per document. It also reports each document created, so the bench host can
// run the Firestore triggers in-process as Cloud Functions would.
//
// Plain JavaScript run by plain Node on purpose: the bench host that loads it measures cold
// start, and a TypeScript loader would add its own start-up to the figure.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const firestoreSrc = join(
  dirname(require.resolve("@google-cloud/firestore/package.json")),
  "build",
  "src",
);
// The package's own entry first: its modules require each other in a cycle, and entering it
// through an inner module would leave the exports firebase-admin re-exports half-made.
require("@google-cloud/firestore");
const internal = name => require(join(firestoreSrc, name));

export const counts = {
  reads: 0,
  writes: 0,
  queries: 0,
  aggregations: 0,
  commits: 0,
  /** Writes by top-level collection ("sessions", "reports", …), to see where they go. */
  writesTo: {},
};

export function resetCounts() {
  for (const key of Object.keys(counts)) counts[key] = key === "writesTo" ? {} : 0;
}

/** `onCreate(path)` is called after a commit that created the document at `path`. */
export function installFirestoreMeter(onCreate = () => undefined) {
  const { DocumentReader } = internal("document-reader.js");
  const readDocs = DocumentReader.prototype._get;
  DocumentReader.prototype._get = async function (...args) {
    const result = await readDocs.apply(this, args);
    counts.reads += this.allDocuments.length;
    return result;
  };

  const { Query } = internal("reference/query.js");
  const runQuery = Query.prototype._getResponse;
  Query.prototype._getResponse = async function (...args) {
    const response = await runQuery.apply(this, args);
    counts.queries += 1;
    counts.reads += Math.max(1, response.result.size);
    return response;
  };

  const { AggregateQuery } = internal("reference/aggregate-query.js");
  const runAggregation = AggregateQuery.prototype._getResponse;
  AggregateQuery.prototype._getResponse = async function (...args) {
    const response = await runAggregation.apply(this, args);
    const data = response.result.data();
    const entries = Math.max(0, ...Object.values(data).filter(v => typeof v === "number"));
    counts.aggregations += 1;
    counts.reads += Math.max(1, Math.ceil(entries / 1000));
    return response;
  };

  const { WriteBatch } = internal("write-batch.js");
  const commit = WriteBatch.prototype._commit;
  WriteBatch.prototype._commit = async function (...args) {
    const ops = [...this._ops];
    const response = await commit.apply(this, args);
    counts.commits += 1;
    counts.writes += ops.length;
    for (const { docPath, op } of ops) {
      const collection = docPath.split("/")[0];
      counts.writesTo[collection] = (counts.writesTo[collection] ?? 0) + 1;
      if (op().currentDocument?.exists === false) onCreate(docPath);
    }
    return response;
  };
}
