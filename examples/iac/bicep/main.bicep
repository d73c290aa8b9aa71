// Orders API on an existing APIM service: policies inline, loaded from files, and with format 'xml'.
param apimName string
param backendUrl string

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: apimName
}

resource ordersApi 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' existing = {
  parent: apim
  name: 'orders'

  // correct: an API policy with an interpolated backend URL (a deploy-time placeholder)
  resource policy 'policies' = {
    name: 'policy'
    properties: {
      format: 'rawxml'
      value: '<policies>\n  <inbound>\n    <base />\n    <set-backend-service base-url=\'${backendUrl}\' />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>'
    }
  }

  resource getOrder 'operations' existing = {
    name: 'get-order'

    // planted: quota is a product-scope policy, and this file is loaded as an operation policy
    resource policy 'policies' = {
      name: 'policy'
      properties: {
        format: 'rawxml'
        value: loadTextContent('policies/get-order.xml')
      }
    }
  }
}

// planted: a misspelt policy name in an inline multi-line value
resource productPolicy 'Microsoft.ApiManagement/service/products/policies@2023-05-01-preview' = {
  name: '${apimName}/starter/policy'
  properties: {
    format: 'rawxml'
    value: '''
<policies>
  <inbound>
    <base />
    <rate-limit calls="10" renewal-period="60" />
    <set-headr name="x-product" exists-action="override">
      <value>starter</value>
    </set-headr>
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

// planted: format 'xml' needs strict XML, but the expression holds raw quotes
resource globalPolicy 'Microsoft.ApiManagement/service/policies@2023-05-01-preview' = {
  parent: apim
  name: 'policy'
  properties: {
    format: 'xml'
    value: '<policies><inbound><set-variable name="caller" value="@(context.Request.Headers.GetValueOrDefault("x-caller", "anonymous"))" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>'
  }
}
