/**
 * A problem with what the user gave rposim (arguments, files, folders), as opposed to a failure of the system
 * (a full disk, a missing permission) or a bug. The CLI reports it with exit code 2 and no stack trace.
 */
export class InputError extends Error {
  override name = 'InputError';
}
