/**
 * Node's file-system errors name the path for most calls, but not for a write to an open file (ENOSPC, EIO,
 * EDQUOT): a user told "no space left on device, write" does not know where. Adds the path when it is missing.
 */
export function withPath(error: unknown, path: string): unknown {
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code !== 'string' || e.path !== undefined) return error;
  e.message = `${e.message}, '${path}'`;
  e.path = path;
  return e;
}
