/** The roles a token can carry (NOTES.md; audience only for HLS rooms). */
export const TOKEN_ROLES = ['moderator', 'participant', 'viewer', 'audience'] as const;
/** One token role. */
export type TokenRole = (typeof TOKEN_ROLES)[number];
