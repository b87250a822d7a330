// A WebAuthn authenticator in software, for tests that go through HTTP
// without a browser: a P-256 key pair, "none" attestation, user presence and
// verification flags, and a signature counter the test can set (to replay
// or to clone). It answers the options the server sends exactly as a
// browser would hand them back through @simplewebauthn/browser, so the
// server's verification (@simplewebauthn/server) runs for real.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString('base64url');

export interface CreationOptions {
  readonly challenge: string;
  readonly rp: { readonly id?: string };
  readonly user: { readonly id: string };
}

export interface RequestOptions {
  readonly challenge: string;
  readonly rpId?: string;
}

export interface Answer {
  /** Whether the user was verified (PIN, biometric); default yes. */
  readonly userVerified?: boolean;
  /** Sign with this counter instead of the next one. */
  readonly counter?: number;
  /** The page's origin as the browser would report it. */
  readonly origin: string;
}

export class SoftAuthenticator {
  readonly credentialId = b64url(randomBytes(16));
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private userHandle = '';
  /** The last counter signed with. */
  counter = 0;

  constructor(private readonly synced = false) {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  }

  private authenticatorData(rpId: string, userVerified: boolean, counter: number, attested?: Buffer): Buffer {
    // UP, UV; BE and BS for a synced (backed-up) passkey; AT with attested credential data.
    const flags = 0x01 | (userVerified ? 0x04 : 0) | (this.synced ? 0x18 : 0) | (attested ? 0x40 : 0);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const coordinate = (value: string | undefined) => Uint8Array.from(Buffer.from(value ?? '', 'base64url'));
    // kty EC2, alg ES256, crv P-256, x, y
    return isoCBOR.encode(new Map<number, number | Uint8Array>([[1, 2], [3, -7], [-1, 1], [-2, coordinate(jwk.x)], [-3, coordinate(jwk.y)]]));
  }

  /** What navigator.credentials.create() resolves to, as JSON. */
  register(options: CreationOptions, { origin, userVerified = true }: Answer) {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    this.userHandle = options.user.id;
    const id = Buffer.from(this.credentialId, 'base64url');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const attested = Buffer.concat([Buffer.alloc(16), length, id, this.cosePublicKey()]);
    const authData = this.authenticatorData(rpId, userVerified, this.counter, attested);
    const attestation = new Map<string, string | Map<string, string> | Uint8Array>([['fmt', 'none'], ['attStmt', new Map<string, string>()], ['authData', Uint8Array.from(authData)]]);
    const attestationObject = isoCBOR.encode(attestation);
    const clientDataJSON = JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false });
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: { clientDataJSON: b64url(Buffer.from(clientDataJSON)), attestationObject: b64url(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** What navigator.credentials.get() resolves to, as JSON; the counter moves on unless one is given. */
  authenticate(options: RequestOptions, { origin, userVerified = true, counter }: Answer) {
    const rpId = options.rpId ?? new URL(origin).hostname;
    const signCount = counter ?? this.counter + 1;
    this.counter = Math.max(this.counter, signCount);
    const authData = this.authenticatorData(rpId, userVerified, signCount);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }));
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: this.userHandle },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
