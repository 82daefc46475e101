/**
 * True for localhost, 127.0.0.0/8 and ::1. Names under `.localhost` are not: they are looked up
 * in DNS like any other name, which may send them anywhere, so they get the rules of a remote host.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1';
}

/**
 * A URL as typed, with anything that looks like credentials masked (`user:pass@`, `:pass@`, with
 * or without a scheme), for messages: a rejected URL is echoed, its password never is.
 */
export function maskUserinfo(raw: string): string {
  return raw.replace(/^(\s*(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?)[^/?#]*@/, '$1***@');
}
