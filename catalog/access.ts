/**
 * The AMR value Access requires of every session. Entra reports `mfa` for any second factor; the
 * profile's stronger strengths (passwordless, phishing-resistant) are enforced where the sign-in
 * happens, by the Conditional Access baseline, which covers the Access app like any other app.
 */
export const REQUIRED_AUTH_METHOD = "mfa";

/**
 * E-mail domains where anyone can open an account: an Access rule admitting one admits everyone.
 * The large consumer providers, not a complete list; a company's own domain is what Access rules
 * are for.
 */
export const PUBLIC_EMAIL_DOMAINS: readonly string[] = [
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "yandex.com",
  "zoho.com",
];
