import { networkInterfaces } from 'node:os';

/** Addresses that mean "every interface" when listening. */
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The host name of a Host header, lower-case, without port, brackets or a trailing dot. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']')) : h;
  const bare = h.startsWith('[') || (name.match(/:/g) ?? []).length > 1 ? name : (name.split(':')[0] ?? '');
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

/** True for names that always reach this machine only. */
function isLoopback(name: string): boolean {
  return (
    name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name)
  );
}

/** Every address of this machine's interfaces (what a client on the network may type). */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i ? [i.address.toLowerCase()] : []));
}

/** A reachable IPv4 address of this machine other than loopback, for the URL printed when listening everywhere. */
export function publicAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

/** True when the emulator listens on every interface. */
export function isWildcard(host: string): boolean {
  return WILDCARDS.has(host.trim());
}

/**
 * Decides which Host headers the emulator answers, against DNS rebinding: a web page on another
 * site can make a browser send requests to the emulator under its own host name, and the emulator
 * serves well-known development credentials. Allowed: loopback names, the address it listens on
 * (every interface address when it listens on 0.0.0.0 or ::), and the names given by the user
 * (`allowHosts`, or `true` for any). A request without a Host header (HTTP/1.0) is allowed.
 */
export function hostChecker(
  bound: string,
  allowHosts: readonly string[] | true | undefined,
): (header: string | undefined) => boolean {
  if (allowHosts === true) return () => true;
  const allowed = new Set((allowHosts ?? []).map((h) => hostName(h)));
  const boundName = hostName(bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound);
  if (isWildcard(bound)) for (const a of interfaceAddresses()) allowed.add(a);
  else allowed.add(boundName);
  return (header) => {
    if (header === undefined || header.trim() === '') return true;
    const name = hostName(header);
    return isLoopback(name) || allowed.has(name);
  };
}
