/** True for a time zone name this runtime knows (IANA names such as "Europe/Berlin", or "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
