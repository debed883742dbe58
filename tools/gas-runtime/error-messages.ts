// Every error text the fakes throw, in one place, each with where it comes from. "documented" = Google's reference
// pages; "observed" = the text developers report seeing from the real service (Google does not document it);
// "local" = no real counterpart known, worded by us so nobody mistakes it for Google's. Bundle code must not
// branch on these texts: they are here so tests can assert them exactly.

export const MESSAGES = {
  // observed ("Exception: Argument too large: value") when a property or cache value exceeds its size limit
  argumentTooLarge: (name: string) => `Argument too large: ${name}`,
  // observed, e.g. on Stack Overflow: setProperty beyond the 500 KB store total
  propertyStorageQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  // observed; the Lock reference documents that waitLock throws on timeout, not the text
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  // observed: UrlFetchApp with muteHttpExceptions false; the URL shown is the origin only
  requestFailed: (origin: string, status: number, truncated: string) =>
    `Request failed for ${origin} returned code ${status}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
  // observed
  urlTooLong: 'Limit Exceeded: URLFetch URL Length.',
  // observed wording pattern of UrlFetch limits; the exact text for the 50 MB limits is not documented
  postTooLarge: 'Limit Exceeded: URLFetch POST Size.',
  responseTooLarge: 'Limit Exceeded: URLFetch response size.',
  // observed for unreachable hosts / slow servers
  addressUnavailable: (url: string) => `Address unavailable: ${url}`,
  timeout: (url: string) => `Timeout: ${url}`,
  invalidUrl: (url: string) => `Invalid argument: ${url}`,
  // local: the manifest allowlist rejection text is not documented
  notAllowlisted: (url: string) => `UrlFetch to ${url} is not allowed by urlFetchWhitelist in appsscript.json (local runtime)`,
  // observed: the generic scope error
  noPermission: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
  // observed in Workspace add-ons
  cannotCallGetUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  // documented/observed Spreadsheet range errors
  rangeOutsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  // observed: Sheets advanced service failures are GoogleJsonResponseException with this prefix
  apiCallFailed: (method: string, reason: string) => `API call to ${method} failed with error: ${reason}`,
  callerNoPermission: 'The caller does not have permission',
  entityNotFound: 'Requested entity was not found.',
  // observed: add-on trigger limits (the per-document one, and the 20-per-user-per-script quota)
  addOnTooManyTriggers:
    'This add-on has created too many time-based triggers in this document for this Google user account.',
  scriptTooManyTriggers: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  // local: the add-on "at most hourly" rule is documented, its exception text is not
  addOnTriggerTooFrequent: 'Add-ons can not create time-based triggers that run more frequently than once per hour.',
  // observed when an execution outlives its limit
  exceededMaxExecutionTime: 'Exceeded maximum execution time',
  // local: HtmlService cannot show anything in a Workspace add-on
  htmlServiceUnavailable: 'HtmlService is not available to a Google Workspace add-on (local runtime).',
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
} as const;

export const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
} as const;
