// What a browser sends back from navigator.credentials.create() / .get()
// (@simplewebauthn/browser's JSON form), checked for shape before
// @simplewebauthn/server verifies it: anything else is BAD_USER_INPUT on
// `response`, never a stack trace from deep inside a CBOR parser.
import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import { BadUserInputError } from '../../platform/errors.js';

const base64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/);
const transports: readonly AuthenticatorTransportFuture[] = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];
export const isTransport = (value: string): value is AuthenticatorTransportFuture => (transports as readonly string[]).includes(value);

const common = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.unknown()).default({}),
};

const registration = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(65_536),
    // Unknown transports are dropped, not refused: browsers add new ones.
    transports: z
      .array(z.string().max(32))
      .max(10)
      .optional()
      .transform((list) => list?.filter(isTransport)),
  }),
});

const authentication = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(1024),
    userHandle: base64url(256).optional(),
  }),
});

const invalid = () => new BadUserInputError('response', 'Not a WebAuthn response: pass what navigator.credentials returned, as JSON (e.g. from @simplewebauthn/browser)');

export function readRegistrationResponse(value: unknown): RegistrationResponseJSON {
  const parsed = registration.safeParse(value);
  if (!parsed.success) throw invalid();
  const { response, ...rest } = parsed.data;
  const { transports: given, ...fields } = response;
  return { ...rest, response: { ...fields, ...(given ? { transports: given } : {}) } } as RegistrationResponseJSON;
}

export function readAuthenticationResponse(value: unknown): AuthenticationResponseJSON {
  const parsed = authentication.safeParse(value);
  if (!parsed.success) throw invalid();
  return parsed.data as AuthenticationResponseJSON;
}
