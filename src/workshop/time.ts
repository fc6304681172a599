/**
 * Clock times and durations as a workshop plan writes them: "09:00", "1:30pm", "6h", "6h30",
 * "90 min", 45. Times are minutes after midnight; durations are minutes. Pure.
 */

/** Minutes after midnight for "09:00", "9:00", "13:30", "9am", "1:30 pm"; null when it is not a clock time. */
export function parseClock(text: string): number | null {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*$/i.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase();
  // "9" alone is too easily a duration; a clock time needs its minutes or am/pm.
  if (match[2] === undefined && !half) return null;
  if (minutes > 59) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  return hours * 60 + minutes;
}

/** "09:05" for 545; times past midnight wrap around. */
export function formatClock(minutes: number): string {
  const day = 24 * 60;
  const value = ((Math.round(minutes) % day) + day) % day;
  return `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
}

/** "09:00–09:45". */
export function formatRange(start: number, end: number): string {
  return `${formatClock(start)}–${formatClock(end)}`;
}

/**
 * Minutes in a duration: a number (minutes), or text such as "6h", "6 h", "6h30", "6h 30min",
 * "1.5h", "90min", "90 minutes", "45m". Null when it is not one.
 */
export function parseDuration(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const text = value.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const match = /^(?:(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?))?\s*(?:(\d+(?:\.\d+)?)\s*(?:m|mins?|minutes?)?)?$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  // A bare trailing number only counts as minutes after hours ("6h30"), never alone (handled above).
  return Math.round((Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 100) / 100;
}
