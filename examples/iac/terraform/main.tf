# Orders API policies in Terraform: a file, a heredoc and a fragment.

# correct: the API policy read from a file
resource "azurerm_api_management_api_policy" "orders" {
  api_name            = "orders"
  api_management_name = var.apim_name
  resource_group_name = var.resource_group_name
  xml_content         = file("${path.module}/policies/orders-api.xml")
}

# planted: a misspelt policy name inside an indented heredoc
resource "azurerm_api_management_api_operation_policy" "get_order" {
  api_name            = "orders"
  api_management_name = var.apim_name
  resource_group_name = var.resource_group_name
  operation_id        = "get-order"
  xml_content         = <<-XML
    <policies>
      <inbound>
        <base />
        <set-header name="x-region" exists-action="override">
          <value>${var.region}</value>
        </set-header>
        <cache-lokup vary-by-developer="false" vary-by-developer-groups="false" />
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
  XML
}

# planted: a fragment may not hold <base />
resource "azurerm_api_management_policy_fragment" "caller" {
  api_management_id = var.apim_id
  name              = "caller-header"
  format            = "rawxml"
  value             = "<fragment><base /><set-header name=\"x-caller\" exists-action=\"override\"><value>@(context.Request.IpAddress)</value></set-header></fragment>"
}
