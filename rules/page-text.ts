/** Bullet texts the page repeats verbatim in several RPC sections (copied character for character). */
export const TENANT_BULLETS = {
  /** MT on, single `tenantId` blank: its own bullet. */
  mtOnBlank: 'If multi-tenancy is enabled, and `tenantId` is blank (empty string, null)',
  /** MT on, list `tenantIds` empty. */
  mtOnEmptyList: 'If multi-tenancy is enabled, and `tenantIds` is empty (empty list)',
  /** The parent bullet of the three "invalid tenant ID" sub-bullets. */
  mtOnInvalid:
    'If multi-tenancy is enabled, and an invalid tenant ID is provided. A tenant ID is considered invalid if:',
  idBlank: 'The tenant ID is blank (empty string, null)',
  idTooLong: 'The tenant ID is longer than 31 characters',
  idIllegalChars:
    'The tenant ID contains anything other than alphanumeric characters, dot (.), dash (-), or underscore (\\_)',
  /** MT off, single `tenantId`. */
  mtOffSingle:
    'If multi-tenancy is disabled, and `tenantId` is not blank (empty string, null), or has an ID other than `<default>`',
  /** MT off, list `tenantIds`. */
  mtOffList:
    'If multi-tenancy is disabled, and `tenantIds` is not empty (empty list), or has an ID other than `<default>`',
  /** Under GRPC_STATUS_PERMISSION_DENIED. */
  mtOnUnauthorized: 'If multi-tenancy is enabled, and an unauthorized tenant ID is provided',
} as const;
