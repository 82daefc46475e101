/**
 * Changes to the in-memory state in place, undone if the change throws: a change then costs what
 * it touches, not a copy of every room. The change sees the state through proxies that note the
 * old value of each key before it is written; the raw state never holds a proxy.
 */

const RAW = Symbol('raw');

interface Entry {
  target: object;
  key: string | symbol;
  had: boolean;
  old: unknown;
  /** The key order before a delete, so that an undo puts the key back where it was. */
  order?: (string | symbol)[];
}

let journal: Entry[] | undefined;
const proxies = new WeakMap<object, object>();

const handler: ProxyHandler<object> = {
  get(target, key, receiver) {
    if (key === RAW) return target;
    const value: unknown = Reflect.get(target, key, receiver);
    return typeof value === 'object' && value !== null ? wrap(value) : value;
  },
  set(target, key, value) {
    note(target, key);
    return Reflect.set(target, key, raw(value));
  },
  defineProperty(target, key, descriptor) {
    note(target, key);
    const value: unknown = descriptor.value;
    return Reflect.defineProperty(
      target,
      key,
      'value' in descriptor ? { ...descriptor, value: raw(value) } : descriptor,
    );
  },
  deleteProperty(target, key) {
    note(target, key, !Array.isArray(target));
    return Reflect.deleteProperty(target, key);
  },
};

function note(target: object, key: string | symbol, keepOrder = false): void {
  if (!journal) return;
  // Writing past the end of an array grows its length first: note that length to restore it last.
  if (Array.isArray(target) && key !== 'length') note(target, 'length');
  journal.push({
    ...(keepOrder ? { order: Reflect.ownKeys(target) } : {}),
    target,
    key,
    had: Object.hasOwn(target, key),
    old: (target as Record<string | symbol, unknown>)[key],
  });
}

function wrap<T extends object>(value: T): T {
  let proxy = proxies.get(value);
  if (!proxy) {
    proxy = new Proxy(value, handler);
    proxies.set(value, proxy);
  }
  return proxy as T;
}

/**
 * The value with every proxy replaced by the object behind it. A proxy gives its object; a new
 * object (built from proxied parts, e.g. by a spread) has its parts replaced in place.
 */
export function raw<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const behind = (value as { [RAW]?: object })[RAW];
  if (behind !== undefined) return behind as T;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const child = obj[key];
    if (typeof child === 'object' && child !== null) {
      const unwrapped = raw(child);
      if (unwrapped !== child) obj[key] = unwrapped;
    }
  }
  return value;
}

function reorder(target: Record<string | symbol, unknown>, order: (string | symbol)[]): void {
  for (const key of order) {
    if (!Object.hasOwn(target, key)) continue;
    const value = target[key];
    delete target[key];
    target[key] = value;
  }
}

/**
 * Runs `change` on `state` in place and returns its result (proxies removed); if it throws, every
 * write it made is undone before the error goes on. Changes never overlap (the store queues them).
 */
export function applyInPlace<S extends object, T>(state: S, change: (draft: S) => T): T {
  const entries: Entry[] = [];
  journal = entries;
  try {
    return raw(change(wrap(state)));
  } catch (err) {
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const e = entries[i]!;
      const target = e.target as Record<string | symbol, unknown>;
      if (e.had) target[e.key] = e.old;
      else delete target[e.key];
      if (e.order) reorder(target, e.order);
    }
    throw err;
  } finally {
    journal = undefined;
  }
}
