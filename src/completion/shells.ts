/** The shells `enablex completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** One supported shell. */
export type Shell = (typeof SHELLS)[number];
