import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../platform/errors.js';

/** A JSON response; `errors` bodies follow the GraphQL response shape so every client parses them alike. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const sendError = (res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void =>
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
