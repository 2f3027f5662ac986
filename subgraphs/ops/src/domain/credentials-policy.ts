// The rules for usernames and passwords, in words the caller sees.

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const USERNAME_RULE = "username must be 3 to 64 characters of lowercase letters, digits, '.', '_' or '-'";

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;

export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username) ? null : USERNAME_RULE;
}

/** Why a password is refused, or null. Length counts characters (code points), not bytes. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    return `password must be at most ${PASSWORD_MAX_BYTES} bytes (UTF-8) long`;
  }
  return null;
}
