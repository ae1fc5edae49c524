/** Rules no check through the gateway API alone can reach, with the reason (reported with the not-checked verdict). */
export const UNREACHABLE_THROUGH_THE_API: Readonly<Record<string, string>> = {
  'ResolveIncident/NOT_FOUND/other-tenant':
    "no gateway RPC names an incident's key, so a check cannot find another tenant's incident to send (a live gateway's incidents are seen in Operate)",
};
