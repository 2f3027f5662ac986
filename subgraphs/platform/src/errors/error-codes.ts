/** `extensions.code` of top-level GraphQL errors: the one set clients switch on. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** `code` of payload `userErrors`: what the caller can fix. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  NO_CAPACITY = 'NO_CAPACITY',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  INVALID_STATE = 'INVALID_STATE',
}
