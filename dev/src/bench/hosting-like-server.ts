import { execFileSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import {
  createSecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type Http2Session,
} from "node:http2";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { REPO_ROOT } from "../local-stack";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * A self-signed certificate for 127.0.0.1, made once with openssl: browsers speak HTTP/2 only
 * over TLS. The bench's Chromium is told to trust it (`benchCertificateSpki`).
 */
function benchCertificate(): { key: Buffer; cert: Buffer } {
  const folder = join(REPO_ROOT, ".local", "bench", "tls");
  const key = join(folder, "key.pem");
  const cert = join(folder, "cert.pem");
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(folder, { recursive: true });
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650"],
        ...["-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1"],
        ...["-addext", "subjectAltName=IP:127.0.0.1"],
      ],
      { stdio: "ignore" },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Not passed on: HTTP/2 forbids connection headers, and the body is sent anew. */
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "content-encoding",
  "content-length",
];

const ENCODERS: Record<string, (body: Buffer) => Buffer> = {
  gzip: body => gzipSync(body),
  br: body => brotliCompressSync(body),
  deflate: body => deflateSync(body),
};

/** The certificate's public key hash, for Chromium's --ignore-certificate-errors-spki-list. */
export function benchCertificateSpki(): string {
  const spki = new X509Certificate(benchCertificate().cert).publicKey.export({
    type: "spki",
    format: "der",
  });
  return createHash("sha256").update(spki).digest("base64");
}

async function bodyOf(req: Http2ServerRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(
  res: Http2ServerResponse,
  status: number,
  type: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...headers, "content-type": type, "content-encoding": "gzip" });
  res.end(gzipSync(body));
}

/** firebase.json's header for /assets/**: their names change with their content. */
const IMMUTABLE = { "cache-control": "public, max-age=31536000, immutable" };

/**
 * Serves a built page the way Firebase Hosting serves this project: over HTTP/2 (one
 * connection, every request at once, not six at a time as HTTP/1.1 allows), files gzipped,
 * /assets/ cached for good, unknown paths to index.html, /liff-config.json from `config`,
 * /api/** to the functions host.
 */
export async function servePage(
  dist: string,
  options: { config?: object; apiUrl?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const api = async (req: Http2ServerRequest, res: Http2ServerResponse, apiUrl: string) => {
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await bodyOf(req);
    const response = await fetch(`${apiUrl}${req.url.slice("/api".length)}`, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] =>
            typeof e[1] === "string" && !e[0].startsWith(":") && e[0] !== "host",
        ),
      ),
      ...(body && { body: new Uint8Array(body) }),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.includes(name)) headers[name] = value;
    });
    // fetch has decoded what the api sent compressed; the phone gets it as it was sent.
    const answer = Buffer.from(await response.arrayBuffer());
    const encoding = response.headers.get("content-encoding") ?? "";
    const encode = ENCODERS[encoding];
    res.writeHead(response.status, { ...headers, ...(encode && { "content-encoding": encoding }) });
    res.end(encode ? encode(answer) : answer);
  };

  const handle = async (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url, "https://127.0.0.1").pathname);
    if (path === "/liff-config.json")
      return send(res, 200, TYPES[".json"]!, JSON.stringify(options.config ?? {}));
    if (options.apiUrl && path.startsWith("/api/")) return api(req, res, options.apiUrl);
    const wanted = join(dist, normalize(path).replace(/^(\.\.[/\\])+/, ""));
    const file = existsSync(wanted) && extname(wanted) ? wanted : join(dist, "index.html");
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    send(res, 200, type, readFileSync(file), path.startsWith("/assets/") ? IMMUTABLE : {});
  };

  const sessions = new Set<Http2Session>();
  const server = createSecureServer({ ...benchCertificate(), allowHTTP1: true }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  server.on("session", session => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  server.listen(0, "127.0.0.1");
  await new Promise(done => server.once("listening", done));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>(done => {
        for (const session of sessions) session.destroy();
        server.close(() => done());
      }),
  };
}
