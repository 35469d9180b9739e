/**
 * The api-versions each emulated resource type answers to. Lists end with what ARM reported in public
 * error messages (AKS up to 2023-11-01 in Azure/azure-cli#28368, Microsoft.Authorization in
 * Azure/azure-sdk-for-java#28334, Microsoft.Resources in ansible-collections/azure#1739), extended
 * with the later stable versions and every `KnownVersions` value of the SDKs in package.json.
 */
const datedVersions = (text: string) => text.split(/\s+/).filter(Boolean);

// AKS lists them in date order, previews among the rest.
export const containerServiceVersions = datedVersions(`
  2017-08-31 2018-03-31 2019-02-01 2019-04-01 2019-06-01 2019-08-01 2019-10-01 2019-11-01 2020-01-01 2020-02-01
  2020-03-01 2020-04-01 2020-06-01 2020-07-01 2020-09-01 2020-11-01 2020-12-01 2021-02-01 2021-03-01 2021-05-01
  2021-07-01 2021-08-01 2021-09-01 2021-10-01 2022-01-01 2022-02-01 2022-03-01 2022-04-01 2022-06-01 2022-07-01
  2022-08-01 2022-09-01 2022-11-01 2023-01-01 2023-02-01 2023-03-01 2023-04-01 2023-05-01 2023-06-01 2023-07-01
  2023-08-01 2023-09-01 2023-10-01 2023-11-01 2024-01-01 2024-02-01 2024-05-01 2024-07-01 2024-08-01 2024-09-01
  2024-10-01 2025-01-01 2025-02-01 2025-03-01 2025-04-01 2025-05-01 2025-07-01 2025-08-01 2025-09-01 2025-10-01
  2026-01-01 2026-02-01 2026-03-01 2026-04-01 2026-05-01 2026-06-01 2026-08-01
  2023-10-02-preview 2023-11-02-preview 2024-01-02-preview 2024-02-02-preview 2024-03-02-preview 2024-04-02-preview
  2024-05-02-preview 2024-06-02-preview 2024-07-02-preview 2024-09-02-preview 2024-10-02-preview 2025-01-02-preview
  2025-02-02-preview 2025-03-02-preview 2025-04-02-preview 2025-05-02-preview 2025-06-02-preview 2025-07-02-preview
  2025-08-02-preview 2025-09-02-preview 2025-10-02-preview`).sort();

export const roleAssignmentVersions = datedVersions(`
  2014-04-01-preview 2014-07-01-preview 2014-10-01-preview 2015-05-01-preview 2015-06-01 2015-07-01 2016-07-01
  2017-05-01 2017-09-01 2017-10-01-preview 2018-01-01-preview 2018-07-01 2018-09-01-preview 2018-12-01-preview
  2019-04-01-preview 2020-03-01-preview 2020-04-01-preview 2020-08-01-preview 2020-10-01-preview 2021-04-01-preview
  2022-01-01-preview 2022-04-01`);

export const roleDefinitionVersions = datedVersions(`
  2014-04-01-preview 2014-07-01-preview 2014-10-01-preview 2015-05-01-preview 2015-06-01 2015-07-01 2016-07-01
  2017-05-01 2017-09-01 2018-01-01-preview 2018-07-01 2022-04-01 2022-05-01-preview`);

export const publicIpAddressVersions = datedVersions(`
  2018-11-01 2019-02-01 2019-04-01 2019-06-01 2019-09-01 2019-11-01 2020-03-01 2020-05-01 2020-06-01 2020-07-01
  2020-08-01 2020-11-01 2021-02-01 2021-03-01 2021-05-01 2021-08-01 2022-01-01 2022-05-01 2022-07-01 2022-09-01
  2022-11-01 2023-02-01 2023-04-01 2023-05-01 2023-06-01 2023-09-01 2023-11-01 2024-01-01 2024-03-01 2024-05-01
  2024-07-01 2024-10-01 2025-01-01 2025-03-01 2025-05-01`);

/** Microsoft.Resources (subscriptions, resource groups): ARM itself answers, in its own order. */
export const resourceManagerVersions = datedVersions(`
  2025-04-01 2025-03-01 2024-11-01 2024-08-01 2024-07-01 2024-03-01 2023-07-01 2023-07-01-preview 2023-03-01-preview
  2022-12-01 2022-11-01-preview 2022-09-01 2022-06-01 2022-05-01 2022-03-01-preview 2022-01-01 2021-04-01 2021-01-01
  2020-10-01 2020-09-01 2020-08-01 2020-07-01 2020-06-01 2020-05-01 2020-01-01 2019-11-01 2019-10-01 2019-09-01
  2019-08-01 2019-07-01 2019-06-01 2019-05-10 2019-05-01 2019-03-01 2018-11-01 2018-09-01 2018-08-01 2018-07-01
  2018-06-01 2018-05-01 2018-02-01 2018-01-01 2017-12-01 2017-08-01 2017-06-01 2017-05-10 2017-05-01 2017-03-01
  2016-09-01 2016-07-01 2016-06-01 2016-02-01 2015-11-01 2015-01-01 2014-04-01-preview 2014-04-01 2014-01-01`);

/** Regions where the emulator (like AKS) offers managed clusters. */
export const containerServiceLocations = [
  "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northcentralus", "southcentralus", "canadacentral",
  "brazilsouth", "northeurope", "westeurope", "uksouth", "francecentral", "germanywestcentral", "swedencentral",
  "switzerlandnorth", "norwayeast", "eastasia", "southeastasia", "japaneast", "australiaeast", "centralindia",
];

/** Microsoft.ManagedIdentity: the stable versions and previews the SDKs and the Azure CLI use. */
export const managedIdentityVersions = datedVersions(`
  2015-08-31-preview 2018-11-30 2021-09-30-preview 2022-01-31-preview 2023-01-31 2023-07-31-preview 2024-11-30
  2025-01-31-preview 2025-05-31-preview`);
