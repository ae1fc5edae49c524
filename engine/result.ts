/** A value or an error, as data (grpc-js style): statuses stay data until the transport. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a value. */
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** Wraps an error. */
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });
