import type { PrivilegePosture } from "../model";
import type { ResourceIndex } from "../index-resources";
import { readAwsIamGrants } from "./aws-iam-grants";
import { readAwsSsoGrants } from "./aws-sso-grants";
import { readAzureDataPlaneGrants } from "./azure-data-plane";
import { readAzureRbacGrants } from "./azure-rbac";
import { readEntraRoleGrants } from "./entra-roles";
import { READERS } from "./index";
import { typesOf } from "./registry";
import { readPublicGrants } from "./resource-policies";
import { readRoleTrusts } from "./role-trust";

/** The types the registry's readers read: a resource policy is not read by shape on them (IAM's own policies, say). */
let registered: ReadonlySet<string> | undefined;

/** Reads standing privilege: AWS IAM policies on people and roles, Identity Center assignments, Azure RBAC, Entra directory and Graph app roles. */
export function readPrivilege(index: ResourceIndex): PrivilegePosture {
  return {
    grants: [
      ...readAwsIamGrants(index),
      ...readAwsSsoGrants(index),
      ...readAzureRbacGrants(index),
      ...readAzureDataPlaneGrants(index),
      ...readEntraRoleGrants(index),
    ],
    trusts: readRoleTrusts(index),
    publicGrants: readPublicGrants(index, (registered ??= typesOf(READERS))),
  };
}
