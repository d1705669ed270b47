import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent byte for byte: node:http neither normalises `..` nor re-encodes the path, unlike URL-based clients. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Time one request may take on a loaded 2-core machine before the test fails instead of hanging. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Sends one request to a server on 127.0.0.1 exactly as given. A server may answer before it
 * has read the whole body (413 does), so a write error after the response arrived is ignored.
 */
export function sendRaw(port: number, raw: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...raw.headers };
    if (raw.body !== undefined) {
      headers['Content-Length'] = String(Buffer.byteLength(raw.body));
    }

    let answered = false;
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: raw.method, path: raw.path, headers, timeout: REQUEST_TIMEOUT_MS }, (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });

    outgoing.on('timeout', () => outgoing.destroy(new Error(`${raw.method} ${raw.path.slice(0, 80)} got no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error) => {
      if (!answered) {
        reject(error);
      }
    });
    outgoing.end(raw.body);
  });
}
