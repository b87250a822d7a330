import jwt from 'jsonwebtoken';
import { testSecret } from './start-test-server.js';

/** The access token's claims signed again, HS256, with another secret and/or header fields changed. */
export function resignToken(accessToken: string, { secret = testSecret, header = {} }: { secret?: string; header?: Record<string, unknown> } = {}): string {
  const decoded = jwt.decode(accessToken, { complete: true });
  if (decoded === null || typeof decoded.payload === 'string') throw new Error('not a JWT');
  return jwt.sign(decoded.payload, secret, { algorithm: 'HS256', header: { ...decoded.header, ...header, alg: 'HS256' } });
}
