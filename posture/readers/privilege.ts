import type { PrivilegePosture } from "../model";
import type { ResourceIndex } from "../index-resources";
import { readAwsIamGrants } from "./aws-iam-grants";
import { readAzureRbacGrants } from "./azure-rbac";
import { readEntraRoleGrants } from "./entra-roles";
import { readPublicGrants } from "./resource-policies";
import { readRoleTrusts } from "./role-trust";

/** Reads standing privilege: AWS IAM policies on people and roles, Azure RBAC, Entra directory and Graph app roles. */
export function readPrivilege(index: ResourceIndex): PrivilegePosture {
  return {
    grants: [...readAwsIamGrants(index), ...readAzureRbacGrants(index), ...readEntraRoleGrants(index)],
    trusts: readRoleTrusts(index),
    publicGrants: readPublicGrants(index),
  };
}
