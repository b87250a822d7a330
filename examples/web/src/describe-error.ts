// Turns a failed request into a sentence for the page, using the API's error
// codes (see the contract): the code decides, never the message text.
import { ApiError } from './auth-client.js';

export interface ErrorView {
  readonly text: string;
  /** Seconds to wait before trying again (RATE_LIMITED only). */
  readonly retryAfter?: number;
}

export function describeError(error: unknown): ErrorView {
  if (error instanceof ApiError) {
    const first = error.errors[0];
    switch (error.code) {
      case 'RATE_LIMITED': {
        const retryAfter = first?.extensions?.retryAfter ?? 60;
        return { text: `Too many attempts. Try again in ${retryAfter} s.`, retryAfter };
      }
      case 'BAD_USER_INPUT':
        return { text: first?.extensions?.field ? `${first.extensions.field}: ${error.message}` : error.message };
      case 'UNAUTHENTICATED': {
        // A wrong code at the code prompt says how many tries are left; 0 means the password again.
        const left = first?.extensions?.attemptsLeft;
        if (left !== undefined) return { text: left > 0 ? `${error.message} (${left} ${left === 1 ? 'try' : 'tries'} left)` : error.message };
        return { text: `${error.message}. Please sign in.` };
      }
      default:
        return { text: error.message };
    }
  }
  // fetch rejects with a TypeError when the API is down or CORS refused the origin.
  if (error instanceof TypeError) return { text: 'Cannot reach the API: is the server running, and is this page\'s origin in CORS_ORIGINS?' };
  return { text: error instanceof Error ? error.message : String(error) };
}
