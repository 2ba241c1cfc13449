import type { MfaStrength } from "../../profile/mfa";

/**
 * Allowed method combinations per strength. SMS and voice are left out of every strength on
 * purpose: SIM-swap and relay attacks make them no better than a password for a targeted account.
 */
export const AUTHENTICATION_STRENGTHS: Readonly<
  Record<MfaStrength, { description: string; combinations: readonly string[] }>
> = {
  mfa: {
    description: "Multifactor authentication without SMS or voice.",
    combinations: [
      "windowsHelloForBusiness",
      "fido2",
      "x509CertificateMultiFactor",
      "deviceBasedPush",
      "temporaryAccessPassOneTime",
      "password,microsoftAuthenticatorPush",
      "password,softwareOath",
      "password,hardwareOath",
      "federatedMultiFactor",
    ],
  },
  passwordless: {
    description: "Passwordless multifactor authentication.",
    combinations: ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush"],
  },
  "phishing-resistant": {
    description: "Phishing-resistant multifactor authentication (FIDO2, Windows Hello, certificate).",
    combinations: ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"],
  },
};

/** Admins never get less than this, whatever the profile asks of ordinary users. */
export const ADMIN_STRENGTH: MfaStrength = "phishing-resistant";
