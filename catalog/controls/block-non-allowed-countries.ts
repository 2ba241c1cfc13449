import { ALL_APPS, ALL_CLIENTS, type ControlDefinition } from "../control";

export const blockNonAllowedCountries: ControlDefinition = {
  id: "block-non-allowed-countries",
  displayName: "CA005-Global-AttackSurfaceReduction-AllApps-AnyPlatform-BlockNonAllowedCountries",
  description: "Blocks sign-ins from outside the countries listed in identity.allowedCountries.",
  rationale: "Most tenants do business in a handful of countries; everything else is attack surface.",
  frameworks: ["ztmm-identity-access-management", "nist-207-t4"],
  references: ["Microsoft Zero Trust CA framework: AttackSurfaceReduction"],
  licence: "P1",
  reportOnlyCapable: true,
  needs: "allowedCountries",
  policy: (ctx) => ({
    target: "allUsers",
    conditions: {
      applications: ALL_APPS,
      clientAppTypes: ALL_CLIENTS,
      locations: {
        includedLocations: ["All"],
        excludedLocations: ctx.allowedCountriesLocationId ? [ctx.allowedCountriesLocationId] : [],
      },
    },
    grant: { operator: "OR", builtInControls: ["block"] },
  }),
};
