import type { User } from '../auth/users.ts';
import type { SessionRecord } from '../auth/sessions.ts';

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user, or null. */
      user: User | null;
      /** The visitor's session (anonymous or signed in), or null when they have none yet. */
      session: SessionRecord | null;
      /** A correlation id for this request, also in the logs and the access log. */
      correlationId: string;
    }
  }
}

export {};
