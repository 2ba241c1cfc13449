/**
 * The AMR value Access requires of every session. Entra reports `mfa` for any second factor; the
 * profile's stronger strengths (passwordless, phishing-resistant) are enforced where the sign-in
 * happens, by the Conditional Access baseline, which covers the Access app like any other app.
 */
export const REQUIRED_AUTH_METHOD = "mfa";
