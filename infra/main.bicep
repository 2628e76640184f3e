// The Nanhai platform in Azure: the Functions app (Flex Consumption) and the admin console (App Service) with everything
// they use. One prefix names every resource; each app has its own user-assigned managed identity, granted only the data
// roles it needs, so no app setting holds a key or a connection string (the only secret, the e-licence library's key,
// is a Key Vault reference). infra/README.md explains each parameter and the two-step first deployment.

targetScope = 'resourceGroup'

@description('Short lower-case prefix every resource name derives from, e.g. nhdev or nhprod.')
@minLength(3)
@maxLength(12)
param prefix string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('dev or prod: sizes, redundancy and retention follow it.')
@allowed([
  'dev'
  'prod'
])
param environment string

@description('Entra ID tenant of the staff and of both app registrations.')
param tenantId string = tenant().tenantId

@description('Application ID URI of the platform API\'s app registration: the audience of every token the API accepts.')
param platformApiAudience string = 'api://nanhai-platform'

@description('The iss of the platform API\'s tokens, as the authority\'s OpenID metadata publishes it (in Azure China v2.0 tokens name login.partner.microsoftonline.cn, not the sign-in host).')
param platformTokenIssuer string = az.environment().name == 'AzureChinaCloud'
  ? 'https://login.partner.microsoftonline.cn/${tenantId}/v2.0'
  : '${az.environment().authentication.loginEndpoint}${tenantId}/v2.0'

@description('Client id of the admin console\'s app registration (staff sign-in); it trusts the console\'s managed identity as a federated credential, so it has no secret.')
@minLength(36)
@maxLength(36)
param adminClientId string

@description('Base address of the provincial e-licence library (省电子证照库) the platform calls.')
param eLicenceLibraryUrl string

@description('Second step of the first deployment: subscribe the dump container\'s blob events to the DumpArrived function, whose webhook key exists only once the Functions code is deployed.')
param subscribeDumpArrivals bool = false

var tags = {
  system: 'nanhai-platform'
  environment: environment
}
var isProd = environment == 'prod'
var loginEndpoint = az.environment().authentication.loginEndpoint

// Names the code fixes, declared once here.
var storageName = '${prefix}data'
var databaseName = 'nanhai'
var integrationEventsTopic = 'integration-events'
var taskHubName = 'NanhaiHub'
var dumpContainer = 'dumps'
var dumpArrivedFunction = 'DumpArrived'
var deploymentContainer = 'deployments'
var dumpEventsDeadLetterContainer = 'dump-events-deadletter'
var eLicenceKeySecret = 'elicence-api-key'

// Blob containers the platform writes and reads (see the stores in functions/Nanhai.Infrastructure).
var containers = [
  dumpContainer
  'quarantine'
  'snapshots'
  'materials'
  'results'
]

// The Cosmos DB containers: the same file the code embeds (CosmosContainers), so the two cannot drift.
var cosmosContainers = loadJsonContent('cosmos-containers.json')

// Who reads the integration events, each subscription filtered on the event type (the message subject). Mail delivery
// dispatches results; sharing refreshes grants when a resource's snapshot is replaced.
var integrationEventSubscriptions = [
  {
    name: 'mail-delivery'
    filter: 'sys.Label LIKE \'cn.gov.nanhai.service-matters.%\''
  }
  {
    name: 'sharing'
    filter: 'sys.Label LIKE \'cn.gov.nanhai.ingestion.%\''
  }
]

// Built-in role definition ids (the same in every tenant and cloud).
var roles = {
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  cosmosDataContributor: '00000000-0000-0000-0000-000000000002'
}

// ---------------------------------------------------------------------------------------------------------------------
// Identities: one per app.

resource functionsIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-functions-id'
  location: location
  tags: tags
}

resource adminIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-admin-id'
  location: location
  tags: tags
}

// Event Grid's, to keep the dump events it could not deliver.
resource eventsIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-events-id'
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------------------------------
// Storage: the platform's data, the Functions host (task hub, blob trigger) and the Functions deployment package.

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: isProd ? 'Standard_ZRS' : 'Standard_LRS'
  }
  properties: {
    // Identities only: the platform reaches storage with Entra ID tokens, never with the account key.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: isProd ? 30 : 7
    }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for name in concat(containers, [deploymentContainer]): {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

// Dump events Event Grid gave up on (the Functions app unreachable for a day), for an operator to see and re-drop.
resource dumpEventsDeadLetter 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: dumpEventsDeadLetterContainer
  properties: {
    publicAccess: 'None'
  }
}

resource eventsDeadLetter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dumpEventsDeadLetter
  name: guid(dumpEventsDeadLetter.id, eventsIdentity.id, roles.blobDataContributor)
  properties: {
    principalId: eventsIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
  }
}

// The Functions app writes and reads every container, queue (task hub, blob trigger) and table (task hub, lookups).
resource functionsBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionsIdentity.id, roles.blobDataContributor)
  properties: {
    principalId: functionsIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
  }
}

resource functionsQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionsIdentity.id, roles.queueDataContributor)
  properties: {
    principalId: functionsIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataContributor)
  }
}

resource functionsTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, functionsIdentity.id, roles.tableDataContributor)
  properties: {
    principalId: functionsIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Cosmos DB (NoSQL): Entra ID only. Serverless in dev; in prod the database shares autoscaled throughput.

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${prefix}-cosmos'
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: isProd ? [] : [
      {
        name: 'EnableServerless'
      }
    ]
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: isProd ? 'Continuous30Days' : 'Continuous7Days'
      }
    }
    // No keys: data-plane access is by role assignment, and only this template changes databases and containers.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: isProd ? {
      autoscaleSettings: {
        maxThroughput: 4000
      }
    } : {}
  }
}

resource cosmosContainerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in cosmosContainers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: map(container.includedPaths, path => { path: path })
          excludedPaths: map(container.excludedPaths, path => { path: path })
        }
      }
    }
  }
]

// Read and write items in the platform's database, nothing else (no account or container management).
resource functionsCosmosData 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, functionsIdentity.id, roles.cosmosDataContributor)
  properties: {
    principalId: functionsIdentity.properties.principalId
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosDataContributor}'
    scope: '${cosmos.id}/dbs/${databaseName}'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Service Bus: the integration-events topic. Publishers set the message id to the event id, so duplicate detection
// drops a retried publish. A message unread for a week is dropped, not dead-lettered: the event store and the ingestion
// runs remain the record, and a consumer that falls behind cannot fill the namespace.

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: '${prefix}-bus'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: serviceBus
  name: integrationEventsTopic
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    // About 200 MB of service-matter events a working day at Nanhai's volume: a week unread fits in 5 GB.
    defaultMessageTimeToLive: 'P7D'
    maxSizeInMegabytes: 5120
  }
}

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for subscription in integrationEventSubscriptions: {
    parent: topic
    name: subscription.name
    properties: {
      lockDuration: 'PT1M'
      maxDeliveryCount: 10
      deadLetteringOnMessageExpiration: false
    }
  }
]

resource subscriptionRules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for (subscription, i) in integrationEventSubscriptions: {
    parent: subscriptions[i]
    // Replaces the catch-all rule every new subscription gets: a second rule beside it would let every event through.
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: subscription.filter
      }
    }
  }
]

// The Functions app publishes to the topic and receives from its subscriptions (the consuming capabilities run there).
resource functionsSends 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: topic
  name: guid(topic.id, functionsIdentity.id, roles.serviceBusDataSender)
  properties: {
    principalId: functionsIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
  }
}

resource functionsReceives 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (subscription, i) in integrationEventSubscriptions: {
    scope: subscriptions[i]
    name: guid(subscriptions[i].id, functionsIdentity.id, roles.serviceBusDataReceiver)
    properties: {
      principalId: functionsIdentity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    }
  }
]

// ---------------------------------------------------------------------------------------------------------------------
// Key Vault: the secrets of outside services (the e-licence library's key; the courier's and the SMS gateway's once
// mail delivery is built). Operators set them with `az keyvault secret set`; apps read them through Key Vault
// references resolved with their identity.

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${prefix}-vault'
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be switched off again; dev vaults stay purgeable so that an environment can be rebuilt.
    enablePurgeProtection: isProd ? true : null
  }
}

resource functionsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, functionsIdentity.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: functionsIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Monitoring: Application Insights on Log Analytics, written with Entra ID only.

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: isProd ? 90 : 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${prefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry is sent with the apps' identities; the connection string's instrumentation key alone admits nothing.
    DisableLocalAuth: true
  }
}

resource functionsTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, functionsIdentity.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: functionsIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource adminTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, adminIdentity.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: adminIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The Functions app on Flex Consumption. Runtime and scale live in functionAppConfig (Flex refuses them as app
// settings); every setting below is the contract of local.settings.sample.json, in its Azure form.

resource functionsPlan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${prefix}-functions-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionsApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${prefix}-functions'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${functionsIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: functionsPlan.id
    httpsOnly: true
    keyVaultReferenceIdentity: functionsIdentity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: functionsIdentity.id
          }
        }
      }
      scaleAndConcurrency: {
        // A ceiling, not a reservation: instances exist (and cost) only while there is work.
        maximumInstanceCount: isProd ? 100 : 40
        // A 1 GB dump's ingestion peaks near 300 MB; 2 GB leaves room for two at once and for the API beside them.
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // Host storage (task hub, blob trigger) with the identity: no connection string.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: functionsIdentity.properties.clientId }
        // DefaultAzureCredential in the platform's own clients picks this user-assigned identity.
        { name: 'AZURE_CLIENT_ID', value: functionsIdentity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${functionsIdentity.properties.clientId};Authorization=AAD' }
        { name: 'DurableTaskHubName', value: taskHubName }
        // Timers run in UTC: 19:00 UTC is 03:00 in China.
        { name: 'WorkflowHistoryPurgeSchedule', value: '0 0 19 * * *' }
        { name: 'WorkflowHistory__RetentionDays', value: '90' }
        { name: 'ApplicationEventRelaySchedule', value: '*/5 * * * * *' }
        { name: 'Storage__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'Storage__QueueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'Storage__TableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'Cosmos__Endpoint', value: cosmos.properties.documentEndpoint }
        { name: 'Cosmos__DatabaseName', value: databaseName }
        { name: 'IntegrationEvents__Transport', value: 'ServiceBus' }
        // The endpoint is https://{namespace host}:443/; the client wants the host.
        { name: 'IntegrationEvents__ServiceBusNamespace', value: split(split(serviceBus.properties.serviceBusEndpoint, '//')[1], ':')[0] }
        { name: 'IntegrationEvents__TopicName', value: topic.name }
        { name: 'Auth__Issuer', value: platformTokenIssuer }
        { name: 'Auth__Audience', value: platformApiAudience }
        { name: 'Auth__Authority', value: '${loginEndpoint}${tenantId}/v2.0/' }
        { name: 'ELicenceLibrary__BaseUrl', value: eLicenceLibraryUrl }
        { name: 'ELicenceLibrary__ApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${eLicenceKeySecret})' }
        { name: 'ELicenceLibrary__Timeout', value: '00:00:20' }
        { name: 'Ingestion__ProgressInterval', value: '00:00:02' }
        { name: 'Ingestion__Snapshots__ContainerName', value: 'snapshots' }
        { name: 'Ingestion__Snapshots__RowGroupRows', value: '20000' }
        { name: 'Ingestion__Lookups__WriteConcurrency', value: '4' }
        { name: 'Ingestion__Lookups__TablePrefix', value: 'lookup' }
      ]
    }
  }
  dependsOn: [
    // Deployment and start-up need the identity's data roles and the containers.
    functionsBlob
    functionsQueue
    functionsTable
    blobContainers
  ]
}

// Flex Consumption delivers blob events through Event Grid only: the storage account's events for the dump container go
// to the blob trigger's webhook (the DumpArrived function uses the Event Grid source).
resource storageEvents 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${prefix}-data-events'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${eventsIdentity.id}': {}
    }
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource dumpArrivals 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (subscribeDumpArrivals) {
  parent: storageEvents
  name: 'dump-arrivals'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionsApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${dumpArrivedFunction}&code=${listKeys('${functionsApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${dumpContainer}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: eventsIdentity.id
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: dumpEventsDeadLetter.name
        }
      }
    }
  }
  dependsOn: [
    eventsDeadLetter
  ]
}

// ---------------------------------------------------------------------------------------------------------------------
// The admin console on App Service: staff sign in with Entra ID; the console calls the platform API with their tokens.

resource adminPlan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${prefix}-admin-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: isProd ? 'P1v3' : 'B1'
  }
  properties: {
    reserved: true
  }
}

resource adminApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${prefix}-admin'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${adminIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: adminPlan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'AZURE_CLIENT_ID', value: adminIdentity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'Platform__BaseUrl', value: 'https://${functionsApp.properties.defaultHostName}' }
        { name: 'SignIn__Development', value: 'false' }
        { name: 'SignIn__ApiScope', value: '${platformApiAudience}/.default' }
        { name: 'AzureAd__Instance', value: loginEndpoint }
        { name: 'AzureAd__TenantId', value: tenantId }
        { name: 'AzureAd__ClientId', value: adminClientId }
        { name: 'AzureAd__CallbackPath', value: '/signin-oidc' }
        // The app registration's credential is the console's managed identity (a federated credential): no secret.
        { name: 'AzureAd__ClientCredentials__0__SourceType', value: 'SignedAssertionFromManagedIdentity' }
        { name: 'AzureAd__ClientCredentials__0__ManagedIdentityClientId', value: adminIdentity.properties.clientId }
        { name: 'AzureAd__ClientCredentials__0__TokenExchangeUrl', value: az.environment().name == 'AzureChinaCloud' ? 'api://AzureADTokenExchangeChina' : 'api://AzureADTokenExchange' }
      ]
    }
  }
}

// Code is deployed with Entra ID (az webapp deploy), never with FTP or basic-auth publishing credentials.
resource adminNoFtp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: adminApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource adminNoBasicScm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: adminApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output functionsAppName string = functionsApp.name
output functionsUrl string = 'https://${functionsApp.properties.defaultHostName}'
output adminAppName string = adminApp.name
output adminUrl string = 'https://${adminApp.properties.defaultHostName}'
output adminIdentityPrincipalId string = adminIdentity.properties.principalId
output vaultName string = vault.name
output storageAccountName string = storage.name
