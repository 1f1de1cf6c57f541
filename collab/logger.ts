// The sync service's log: one line per event with structured fields, so a hostile message, a
// refused upgrade or a failed store can be found and counted. Tests pass their own sink.

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;
export type LogEntry = { level: LogLevel; event: string; fields: LogFields };

export type Logger = {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
};

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A logger writing `[collab] level event {fields}` lines at or above `level` (default: COLLAB_LOG_LEVEL or info). */
export function createLogger(options: { level?: LogLevel | "silent"; sink?: (entry: LogEntry) => void } = {}): Logger {
  const level = options.level ?? (process.env.COLLAB_LOG_LEVEL as LogLevel | "silent" | undefined) ?? "info";
  const threshold = level === "silent" ? Infinity : (ORDER[level] ?? ORDER.info);
  const sink =
    options.sink ??
    ((entry: LogEntry) => {
      const line = `[collab] ${entry.level} ${entry.event}${Object.keys(entry.fields).length ? ` ${safeJson(entry.fields)}` : ""}`;
      if (entry.level === "error" || entry.level === "warn") console.error(line);
      else console.log(line);
    });
  const at =
    (lvl: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (ORDER[lvl] >= threshold) sink({ level: lvl, event, fields });
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Error objects do not stringify; hostile input may be anything — never let logging throw. */
function safeJson(fields: LogFields): string {
  try {
    return JSON.stringify(fields, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message } : v));
  } catch {
    return "{unserialisable}";
  }
}
