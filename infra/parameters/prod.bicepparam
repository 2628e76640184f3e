using '../main.bicep'

param prefix = 'nhprod'
param environment = 'prod'
