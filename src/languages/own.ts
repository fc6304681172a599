/**
 * A table lookup by a lesson-controlled key (fence label, file name, YAML key, instruction): only the
 * table's own entries count, so `__proto__` or `constructor` never finds Object.prototype's members.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
