import type { EnvironmentSettings } from './model';

/**
 * Every field optional, at every depth. Arrays stay whole: an environment that changes a list
 * (subnets, node groups) states the list, because merging lists item by item hides which
 * items an environment really has.
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What an environment file states: only what differs from `ENVIRONMENT_BASE` (./base.ts). */
export type EnvironmentOverrides = DeepPartial<EnvironmentSettings>;

type PlainObject = Readonly<Record<string, unknown>>;

/** The type `withOverrides(base, overrides)` returns: objects merge key by key, anything else replaces. */
export type Merged<B, O> = O extends readonly unknown[]
  ? O
  : O extends PlainObject
    ? B extends readonly unknown[]
      ? O
      : B extends PlainObject
        ? {
            readonly [K in keyof B | keyof O]: K extends keyof O
              ? K extends keyof B
                ? Merged<B[K], O[K]>
                : O[K]
              : K extends keyof B
                ? B[K]
                : never;
          }
        : O
    : O;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` with `overrides` laid over it: objects merge key by key, arrays and values replace. */
export function withOverrides<B extends PlainObject, O extends PlainObject>(base: B, overrides: O): Merged<B, O> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const under = merged[key];
    merged[key] = isPlainObject(under) && isPlainObject(value) ? withOverrides(under, value) : value;
  }
  return merged as Merged<B, O>;
}
