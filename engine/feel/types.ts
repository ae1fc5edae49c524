/** Process variables as the engine holds them: JSON values (`unknown`, as JSON.parse produces them) by name. */
export type Variables = Readonly<Record<string, unknown>>;

/** An evaluation outcome as data: the value, or an incident-style message worded like Zeebe's. */
export type EvalResult<T> = { ok: true; value: T } | { ok: false; error: string };
