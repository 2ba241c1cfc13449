/** Strength levels a profile may ask of ordinary users (`mfa.strength`). */
export const STRENGTH_LEVELS = ["mfa", "passwordless", "phishing-resistant"] as const;
export type MfaStrength = (typeof STRENGTH_LEVELS)[number];

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

/** Microsoft's built-in authentication strengths, by their well-known ids (the same in every tenant). */
export const BUILT_IN_STRENGTHS: Readonly<Record<string, { name: string; combinations: readonly string[] }>> = {
  "00000000-0000-0000-0000-000000000002": {
    name: "Multifactor authentication",
    combinations: [
      "windowsHelloForBusiness",
      "fido2",
      "x509CertificateMultiFactor",
      "deviceBasedPush",
      "temporaryAccessPassOneTime",
      "temporaryAccessPassMultiUse",
      "password,microsoftAuthenticatorPush",
      "password,softwareOath",
      "password,hardwareOath",
      "password,sms",
      "password,voice",
      "federatedMultiFactor",
      "microsoftAuthenticatorPush,federatedSingleFactor",
      "softwareOath,federatedSingleFactor",
      "hardwareOath,federatedSingleFactor",
      "sms,federatedSingleFactor",
      "voice,federatedSingleFactor",
    ],
  },
  "00000000-0000-0000-0000-000000000003": {
    name: "Passwordless MFA",
    combinations: ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush"],
  },
  "00000000-0000-0000-0000-000000000004": {
    name: "Phishing-resistant MFA",
    combinations: ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"],
  },
};

/** Methods that resist phishing: a strength that allows only these is phishing-resistant. */
export const PHISHING_RESISTANT_METHODS: ReadonlySet<string> = new Set(
  BUILT_IN_STRENGTHS["00000000-0000-0000-0000-000000000004"]!.combinations,
);
