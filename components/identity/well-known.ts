/** Application id of "Windows Azure Service Management API" (portal, CLI, PowerShell, ARM). */
export const AZURE_MANAGEMENT_APP_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
/** Conditional Access keyword for the Microsoft admin portals. */
export const ADMIN_PORTALS_APP = "MicrosoftAdminPortals";
