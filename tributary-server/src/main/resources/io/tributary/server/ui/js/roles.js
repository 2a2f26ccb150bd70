// What the logged-in key's role allows, as the API enforces it (the UI only hides what would fail).

/** Operators and admins create, change and control connectors, windows and alert rules. */
export function canOperate(session) {
  const role = session && session.key && session.key.role;
  return role === 'operator' || role === 'admin';
}

/** Only admins manage API keys. */
export function isAdmin(session) {
  return Boolean(session && session.key && session.key.role === 'admin');
}

/** The tooltip of an action hidden or disabled for viewers. */
export const VIEWER_HINT = 'Your key has the viewer role, which can only read.';
