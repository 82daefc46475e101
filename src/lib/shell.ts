/** Single-quotes a word for POSIX shells (bash and zsh too): everything literal, ' written as '\''. */
export function singleQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes a word for POSIX shells only when needed: left bare when every character is safe unquoted. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : singleQuote(word);
}
