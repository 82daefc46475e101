import { raw } from './journal.js';

/** A JSON value, as the emulator stores and answers it. */
export type Json = null | boolean | number | string | Json[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON value (the state never shares objects between records). */
export function clone<T extends Json>(value: T): T {
  return structuredClone(raw(value));
}
