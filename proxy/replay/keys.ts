/** Whether a field holds a key the gateway assigns (`key`, `jobKey`, `processInstanceKey`, ...); correlation keys are the user's. */
export function isKeyField(name: string): boolean {
  return name === 'key' || (name.endsWith('Key') && name !== 'correlationKey' && name !== 'messageKey');
}

const isKeyValue = (v: unknown): v is string => typeof v === 'string' && /^-?\d+$/.test(v);

/** Recorded keys and the live keys that replaced them, learned from live responses in call order. */
export interface KeyMap {
  /** A request with every recorded key already learned replaced by its live key. */
  mapRequest(message: unknown): unknown;
  /**
   * Compares a recorded key with a live one: equal when the recorded key maps to this live key, or (learning the
   * pair) when it was not mapped yet. The zero key ("no key") only equals itself.
   */
  sameKey(recorded: unknown, live: unknown): boolean;
  /** The mappings learned so far (for the results). */
  entries(): ReadonlyMap<string, string>;
}

/** Creates an empty key map. */
export function createKeyMap(): KeyMap {
  const map = new Map<string, string>();
  const mapValue = (name: string, value: unknown): unknown => (isKeyField(name) && isKeyValue(value) ? (map.get(value) ?? value) : mapRequest(value));
  const mapRequest = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((v) => mapRequest(v));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapValue(k, v)]));
  };
  return {
    mapRequest,
    sameKey(recorded, live) {
      if (!isKeyValue(recorded) || !isKeyValue(live)) return recorded === live;
      if (recorded === '0' || live === '0') return recorded === live;
      const known = map.get(recorded);
      if (known !== undefined) return known === live;
      map.set(recorded, live);
      return true;
    },
    entries: () => map,
  };
}

/** The keys a request carried that were replaced: recorded key → live key, from the recorded and the sent message. */
export function replacedKeys(recorded: unknown, sent: unknown, name = ''): Record<string, string> {
  if (isKeyField(name) && isKeyValue(recorded) && isKeyValue(sent)) return recorded === sent ? {} : { [recorded]: sent };
  if (Array.isArray(recorded) && Array.isArray(sent)) return Object.assign({}, ...recorded.map((r, i) => replacedKeys(r, sent[i], name))) as Record<string, string>;
  if (typeof recorded !== 'object' || recorded === null || typeof sent !== 'object' || sent === null) return {};
  const live = sent as Record<string, unknown>;
  return Object.assign({}, ...Object.entries(recorded).map(([k, v]) => replacedKeys(v, live[k], k))) as Record<string, string>;
}
