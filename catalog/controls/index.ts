import type { ControlDefinition } from "../control";
import { adminsCompliantDeviceAdminPortals } from "./admins-compliant-device-admin-portals";
import { adminsPhishingResistantMfa } from "./admins-phishing-resistant-mfa";
import { adminsSessionLimits } from "./admins-session-limits";
import { blockAuthenticationTransfer } from "./block-authentication-transfer";
import { blockDeviceCodeFlow } from "./block-device-code-flow";
import { blockHighSignInRisk } from "./block-high-sign-in-risk";
import { blockHighUserRisk } from "./block-high-user-risk";
import { blockLegacyAuth } from "./block-legacy-auth";
import { blockNonAllowedCountries } from "./block-non-allowed-countries";
import { blockUnknownPlatforms } from "./block-unknown-platforms";
import { mfaAllUsers } from "./mfa-all-users";
import { mfaAzureManagement } from "./mfa-azure-management";
import { guestSessionLimits } from "./guest-session-limits";
import { mfaDeviceRegistration } from "./mfa-device-registration";
import { mfaGuests } from "./mfa-guests";
import { mfaMediumSignInRisk } from "./mfa-medium-sign-in-risk";
import { phishingResistantMfaAllUsers } from "./phishing-resistant-mfa-all-users";
import { requireCompliantDevice } from "./require-compliant-device";
import { secureSecurityInfoRegistration } from "./secure-security-info-registration";
import { unmanagedDeviceSessionLimits } from "./unmanaged-device-session-limits";

/** The Conditional Access catalog, in display-name order. Ids are stable: they name resources. */
export const CONTROLS: readonly ControlDefinition[] = [
  blockLegacyAuth,
  mfaAllUsers,
  blockDeviceCodeFlow,
  blockUnknownPlatforms,
  blockNonAllowedCountries,
  mfaAzureManagement,
  blockAuthenticationTransfer,
  phishingResistantMfaAllUsers,
  adminsPhishingResistantMfa,
  adminsCompliantDeviceAdminPortals,
  adminsSessionLimits,
  blockHighUserRisk,
  blockHighSignInRisk,
  mfaMediumSignInRisk,
  requireCompliantDevice,
  secureSecurityInfoRegistration,
  mfaDeviceRegistration,
  unmanagedDeviceSessionLimits,
  mfaGuests,
  guestSessionLimits,
];

export const CONTROL_IDS = CONTROLS.map((c) => c.id);
