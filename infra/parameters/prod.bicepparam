using '../main.bicep'

param prefix = 'nhprod'
param environment = 'prod'

// Tenant-specific: the admin console's app registration (see infra/README.md, "Before the first deployment").
param adminClientId = readEnvironmentVariable('NANHAI_ADMIN_CLIENT_ID')

param eLicenceLibraryUrl = readEnvironmentVariable('NANHAI_ELICENCE_LIBRARY_URL')
