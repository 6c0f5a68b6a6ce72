/** Flattens nested messages to `a.b.c → string` (keys that contain dots stay as they are). */
export function flatten(messages: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(messages as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') Object.assign(out, flatten(v, key));
    else out[key] = String(v);
  }
  return out;
}

/** The `%{name}` placeholders of each plural form (`||||`) of a message, sorted. */
export function placeholdersByForm(message: string): string[][] {
  return message.split('||||').map((form) => [...new Set([...form.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort());
}
