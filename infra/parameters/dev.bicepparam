using '../main.bicep'

param prefix = 'nhdev'
param environment = 'dev'
