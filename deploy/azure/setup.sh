#!/usr/bin/env bash
# Clusterdesk's Azure set-up: the Entra app registration (sign-in, groups claim, Graph application
# permissions with admin consent, a federated credential for the portal's Kubernetes ServiceAccount),
# the least-privilege custom role with its role-assignment condition on every managed subscription,
# and the PostgreSQL flexible server with the migrator and runtime roles. docs/DEPLOY.md walks
# through it; deploy/azure/*.int.test.ts check the role against what the portal really calls.
#
# Usage: deploy/azure/setup.sh [app|role|database|all]...   (default: all; each part is idempotent)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
graph_app_id="00000003-0000-0000-c000-000000000000"
role_name="${CLUSTERDESK_ROLE_NAME:-Clusterdesk portal}"
app_name="${CLUSTERDESK_APP_NAME:-Clusterdesk}"

die() { echo "setup.sh: $*" >&2; exit 1; }
step() { echo "==> $*" >&2; }

# Every variable a part needs, checked before it calls az, so a half-configured run changes nothing.
require() {
  local missing=()
  for name in "$@"; do [[ -n "${!name:-}" ]] || missing+=("$name"); done
  ((${#missing[@]} == 0)) || die "missing environment variable(s): ${missing[*]} (docs/DEPLOY.md lists each)"
}

# The subscriptions Clusterdesk manages, one per word (commas allowed).
managed_subscriptions() { tr -s ', ' '\n' <<<"${AZURE_SUBSCRIPTION_IDS}" | sed '/^$/d'; }

# --display-name matches by prefix; the filter is exact, so "Clusterdesk staging" is another app.
app_id() { az ad app list --filter "displayName eq '${app_name}'" --query "[0].appId" -o tsv; }

part_app() {
  require CLUSTERDESK_HOST AKS_RESOURCE_GROUP AKS_CLUSTER
  local namespace="${CLUSTERDESK_NAMESPACE:-clusterdesk}" service_account="${CLUSTERDESK_SERVICE_ACCOUNT:-clusterdesk}"
  # The cluster's issuer first: without one the run stops before it registers anything.
  local issuer
  issuer="$(az aks show -g "$AKS_RESOURCE_GROUP" -n "$AKS_CLUSTER" --query oidcIssuerProfile.issuerUrl -o tsv)"
  [[ -n "$issuer" ]] || die "$AKS_CLUSTER has no OIDC issuer: az aks update -g $AKS_RESOURCE_GROUP -n $AKS_CLUSTER --enable-oidc-issuer --enable-workload-identity"
  local client_id
  client_id="$(app_id)"
  if [[ -z "$client_id" ]]; then
    step "creating the app registration '$app_name'"
    client_id="$(az ad app create --display-name "$app_name" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
  fi
  step "redirect URI, groups claim and its optional claims on $client_id"
  # app/auth/callback/route.ts is the redirect; security groups only, so the claim stays small. Past
  # 200 groups Entra sends the overage claim instead and the portal reads membership from Graph.
  az ad app update --id "$client_id" --web-redirect-uris "https://${CLUSTERDESK_HOST}/auth/callback" \
    --set groupMembershipClaims=SecurityGroup --optional-claims "@${here}/optional-claims.json"
  local sp_id
  sp_id="$(az ad sp show --id "$client_id" --query id -o tsv 2>/dev/null || true)"
  [[ -n "$sp_id" ]] || sp_id="$(az ad sp create --id "$client_id" --query id -o tsv)"

  # Directory.Read.All only because lib/server/azure/directory-objects.ts names principals through
  # /directoryObjects/getByIds, whose one application permission it is (learn.microsoft.com/graph/api/directoryobject-getbyids).
  local permissions=(User.Read.All GroupMember.Read.All Directory.Read.All)
  [[ -n "${CLUSTERDESK_MAIL_SENDER:-}" ]] && permissions+=(Mail.Send)
  # Sign-in (lib/server/auth/entra.ts signInScopes): consented for everyone, so nobody is asked and
  # tenants that forbid user consent can sign in too.
  local scopes=(openid profile email)
  local graph graph_sp_id role_ids=() scope_ids=() id permission scope
  graph="$(az ad sp show --id "$graph_app_id" --query "{id: id, roles: appRoles[].{id: id, value: value}, scopes: oauth2PermissionScopes[].{id: id, value: value}}" -o json)"
  graph_sp_id="$(jq -r .id <<<"$graph")"
  for permission in "${permissions[@]}"; do
    id="$(jq -r --arg value "$permission" 'first(.roles[] | select(.value == $value) | .id) // empty' <<<"$graph")"
    [[ -n "$id" ]] || die "Microsoft Graph has no application permission $permission"
    role_ids+=("$id")
  done
  for scope in "${scopes[@]}"; do
    id="$(jq -r --arg value "$scope" 'first(.scopes[] | select(.value == $value) | .id) // empty' <<<"$graph")"
    [[ -n "$id" ]] || die "Microsoft Graph has no delegated permission $scope"
    scope_ids+=("$id")
  done
  # `az ad app permission add` appends what the app already requests again, so only the missing ones.
  local requested missing=()
  requested="$(az ad app permission list --id "$client_id" --query "[?resourceAppId=='${graph_app_id}'].resourceAccess[].id" -o tsv)"
  for id in "${role_ids[@]}"; do grep -qxF "$id" <<<"$requested" || missing+=("${id}=Role"); done
  for id in "${scope_ids[@]}"; do grep -qxF "$id" <<<"$requested" || missing+=("${id}=Scope"); done
  if ((${#missing[@]} > 0)); then
    step "Graph permissions ${permissions[*]} (application) and ${scopes[*]} (delegated)"
    az ad app permission add --id "$client_id" --api "$graph_app_id" --api-permissions "${missing[@]}" --only-show-errors
  fi

  # Admin consent as Graph records it: an app role assignment per application permission
  # (learn.microsoft.com/graph/api/serviceprincipal-post-approleassignedto) and one tenant-wide grant of
  # the delegated ones. Not `az ad app permission admin-consent`: it calls the Azure portal's private
  # API (main.iam.ad.ext.azure.com) and refuses every cloud but AzureCloud.
  step "admin consent (needs a Privileged Role Administrator or Global Administrator)"
  local graph_url assigned
  graph_url="$(az cloud show --query endpoints.microsoftGraphResourceId -o tsv)"
  assigned="$(az rest --method get --resource "$graph_url" --url "${graph_url%/}/v1.0/servicePrincipals/${sp_id}/appRoleAssignments" --query "value[?resourceId=='${graph_sp_id}'].appRoleId" -o tsv)"
  for id in "${role_ids[@]}"; do
    grep -qxF "$id" <<<"$assigned" && continue
    az rest --method post --resource "$graph_url" --url "${graph_url%/}/v1.0/servicePrincipals/${graph_sp_id}/appRoleAssignedTo" \
      --headers Content-Type=application/json --body "{\"principalId\":\"${sp_id}\",\"resourceId\":\"${graph_sp_id}\",\"appRoleId\":\"${id}\"}" >/dev/null
  done
  if [[ "$(az ad app permission list-grants --id "$client_id" --query "[?resourceId=='${graph_sp_id}' && consentType=='AllPrincipals'].scope | [0]" -o tsv)" != "${scopes[*]}" ]]; then
    az ad app permission grant --id "$client_id" --api "$graph_app_id" --scope "${scopes[@]}" --consent-type AllPrincipals >/dev/null
  fi

  local credential="clusterdesk-on-${AKS_CLUSTER}"
  if [[ -z "$(az ad app federated-credential list --id "$client_id" --query "[?name=='${credential}'].name" -o tsv)" ]]; then
    step "federated credential for system:serviceaccount:${namespace}:${service_account}"
    az ad app federated-credential create --id "$client_id" --parameters "{\"name\":\"${credential}\",\"issuer\":\"${issuer}\",\"subject\":\"system:serviceaccount:${namespace}:${service_account}\",\"audiences\":[\"api://AzureADTokenExchange\"]}" >/dev/null
  fi
  echo "AZURE_CLIENT_ID=${client_id}"
  echo "AZURE_TENANT_ID=$(az account show --query tenantId -o tsv)"
}

# The role file with its assignable scopes set to the managed subscriptions (jq keeps the rest as is).
role_definition() {
  jq --arg name "$role_name" --argjson scopes "$(managed_subscriptions | jq -R '"/subscriptions/" + .' | jq -s .)" \
    '.Name = $name | .AssignableScopes = $scopes' "${here}/clusterdesk-portal-role.json"
}

part_role() {
  require AZURE_SUBSCRIPTION_IDS
  local principal="${CLUSTERDESK_PRINCIPAL_ID:-}"
  if [[ -z "$principal" ]]; then
    local client_id
    client_id="$(app_id)"
    [[ -n "$client_id" ]] || die "no app registration '$app_name' yet: run the app part first, or set CLUSTERDESK_PRINCIPAL_ID"
    principal="$(az ad sp show --id "$client_id" --query id -o tsv)"
  fi
  local first definition
  first="$(managed_subscriptions | head -n1)"
  definition="$(mktemp)"
  role_definition >"$definition"
  local existing
  existing="$(az role definition list --custom-role-only true --name "$role_name" --scope "/subscriptions/${first}" --query "[0].name" -o tsv)"
  if [[ -z "$existing" ]]; then
    step "creating the custom role '$role_name'"
    az role definition create --role-definition "@${definition}" >/dev/null
  else
    step "updating the custom role '$role_name' ($existing)"
    # Without an id the CLI finds the definition by its name in the assignable scopes.
    az role definition update --role-definition "@${definition}" >/dev/null
  fi
  rm -f "$definition"
  local condition
  condition="$(cat "${here}/role-assignment-condition.txt")"
  while read -r subscription; do
    local scope="/subscriptions/${subscription}"
    if [[ -n "$(az role assignment list --assignee "$principal" --role "$role_name" --scope "$scope" --query "[0].id" -o tsv)" ]]; then
      step "'$role_name' already assigned at $scope"
      continue
    fi
    step "assigning '$role_name' at $scope, role assignments limited to the four AKS RBAC roles"
    az role assignment create --assignee-object-id "$principal" --assignee-principal-type ServicePrincipal \
      --role "$role_name" --scope "$scope" --condition "$condition" --condition-version 2.0 >/dev/null
  done < <(managed_subscriptions)
}

part_database() {
  require DATABASE_RESOURCE_GROUP DATABASE_SERVER DATABASE_LOCATION DATABASE_ADMIN_USER DATABASE_ADMIN_PASSWORD MIGRATOR_PASSWORD RUNTIME_PASSWORD
  if ! az postgres flexible-server show -g "$DATABASE_RESOURCE_GROUP" -n "$DATABASE_SERVER" --query name -o tsv >/dev/null 2>&1; then
    step "creating the PostgreSQL flexible server $DATABASE_SERVER"
    local network=(--public-access None)
    [[ -n "${DATABASE_SUBNET_ID:-}" ]] && network=(--subnet "$DATABASE_SUBNET_ID")
    az postgres flexible-server create -g "$DATABASE_RESOURCE_GROUP" -n "$DATABASE_SERVER" -l "$DATABASE_LOCATION" \
      --version 16 --tier "${DATABASE_TIER:-Burstable}" --sku-name "${DATABASE_SKU:-Standard_B1ms}" --storage-size 32 \
      --admin-user "$DATABASE_ADMIN_USER" --admin-password "$DATABASE_ADMIN_PASSWORD" "${network[@]}" --yes >/dev/null
  fi
  if [[ -n "${DATABASE_ALLOWED_IP:-}" ]]; then
    step "firewall rule for $DATABASE_ALLOWED_IP"
    az postgres flexible-server firewall-rule create -g "$DATABASE_RESOURCE_GROUP" -n "$DATABASE_SERVER" \
      --rule-name clusterdesk --start-ip-address "$DATABASE_ALLOWED_IP" --end-ip-address "$DATABASE_ALLOWED_IP" >/dev/null
  fi
  step "roles clusterdesk_migrator, clusterdesk_runtime and database clusterdesk"
  # Passwords reach psql through its environment and -v, never on a logged command line of az.
  PGPASSWORD="$DATABASE_ADMIN_PASSWORD" psql "host=${DATABASE_SERVER}.postgres.database.azure.com port=5432 dbname=postgres user=${DATABASE_ADMIN_USER} sslmode=require" \
    -v migrator_password="$MIGRATOR_PASSWORD" -v runtime_password="$RUNTIME_PASSWORD" -f "${here}/database-roles.sql" >/dev/null
}

main() {
  command -v az >/dev/null || die "the Azure CLI (az) is not installed"
  command -v jq >/dev/null || die "jq is not installed"
  local parts=("$@")
  ((${#parts[@]} > 0)) || parts=(all)
  for part in "${parts[@]}"; do
    case "$part" in
      app) part_app ;;
      role) part_role ;;
      database) part_database ;;
      all) part_app && part_role && part_database ;;
      -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return 0 ;;
      *) die "unknown part '$part' (app, role, database or all)" ;;
    esac
  done
}

main "$@"
