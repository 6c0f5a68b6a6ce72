/** Escapes LIKE wildcards in user text, so a search for `50%` finds `50%`. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
