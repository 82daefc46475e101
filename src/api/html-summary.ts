import { cutToLength } from '../lib/graphemes.js';

/** Longest page title quoted in a message. */
const MAX_TITLE = 80;

/**
 * Sums up a body that is an HTML page (a proxy's error page, a captive portal) in words, with its
 * <title> (or first <h1>) when it has one: "the server answered an HTML page (502 Bad Gateway)".
 * Returns undefined for anything that is not HTML, so other text is quoted as it is.
 */
export function summarizeHtml(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (
    !/^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(head) &&
    !/<html[\s>]/i.test(head)
  ) {
    return undefined;
  }
  const raw = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(head)?.[1];
  const clean = raw
    ?.replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex -- a title must not carry terminal control characters
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  // Cut between graphemes: never half an emoji or a letter without its accent.
  const title = cutToLength(clean ?? '', MAX_TITLE);
  return title ? `the server answered an HTML page (${title})` : 'the server answered an HTML page';
}
