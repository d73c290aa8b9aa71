// A Logic App and the APIM backend that calls its trigger, in one file: the identity policies that
// call it are checked against the Logic App's own OAuth policy (accessControl), with no
// apim-flows.json. The backend is linked to the Logic App through its listCallbackUrl().
param apimName string = 'apim-contoso'
param logicAppName string = 'invoice-intake'

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: apimName
}

resource invoiceIntake 'Microsoft.Logic/workflows@2019-05-01' = {
  name: logicAppName
  location: resourceGroup().location
  properties: {
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        manual: { type: 'Request', kind: 'Http', inputs: { schema: {} } }
      }
      actions: {}
    }
    accessControl: {
      triggers: {
        openAuthenticationPolicies: {
          policies: {
            apim: {
              type: 'AAD'
              claims: [
                { name: 'iss', value: 'https://sts.windows.net/${tenant().tenantId}/' }
                { name: 'aud', value: 'https://management.azure.com/' }
              ]
            }
          }
        }
      }
    }
  }
}

resource invoiceBackend 'Microsoft.ApiManagement/service/backends@2023-05-01-preview' = {
  parent: apim
  name: 'invoice-intake'
  properties: {
    protocol: 'http'
    url: listCallbackUrl(resourceId('Microsoft.Logic/workflows/triggers', logicAppName, 'manual'), '2019-05-01').basePath
  }
}

resource invoicesApi 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' existing = {
  parent: apim
  name: 'invoices'

  // correct: the token's audience is the one the Logic App's policy names
  resource policy 'policies' = {
    name: 'policy'
    properties: {
      format: 'rawxml'
      value: '''
<policies>
  <inbound>
    <base />
    <set-backend-service backend-id="invoice-intake" />
    <authentication-managed-identity resource="https://management.azure.com/" />
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
  <on-error>
    <base />
  </on-error>
</policies>
'''
    }
  }
}

resource refundsApi 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' existing = {
  parent: apim
  name: 'refunds'

  // planted: the Power Automate audience, which the Logic App's policy does not accept
  resource policy 'policies' = {
    name: 'policy'
    properties: {
      format: 'rawxml'
      value: '''
<policies>
  <inbound>
    <base />
    <set-backend-service backend-id="invoice-intake" />
    <authentication-managed-identity resource="https://service.flow.microsoft.com/" />
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
  <on-error>
    <base />
  </on-error>
</policies>
'''
    }
  }
}
