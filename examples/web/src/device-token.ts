// The one thing this page keeps beyond the tab: the device token the server
// gave at sign-in. It is not a credential (it signs nobody in by itself); it
// tells the server, at the next sign-in, that this browser is a known device
// of the account, so an attack on the account elsewhere does not lock it out.
export const deviceTokenKey = 'graphql-auth.deviceToken';

export const readDeviceToken = (): string | null => localStorage.getItem(deviceTokenKey);

export function keepDeviceToken(token: string | null | undefined): void {
  if (token) localStorage.setItem(deviceTokenKey, token);
}
