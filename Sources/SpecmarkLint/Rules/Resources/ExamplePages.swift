/// Pages rule examples share: a small resource with every kind of property, and an enum.
enum ExamplePages {
    static let widget = """
        # widget resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier. Read-only.|
        |name|String|The display name. Required.|
        |size|Int32|Size in bytes.|
        |weight|Double|Weight in grams.|
        |isActive|Boolean|Whether it is active.|
        |createdDateTime|DateTimeOffset|When it was created.|
        |status|[widgetStatus](widgetstatus.md)|The status.|
        |tags|String collection|Labels.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id" } -->
        ```json
        {
          "id": "String (identifier)",
          "name": "String",
          "size": "Int32",
          "weight": "Double",
          "isActive": "Boolean",
          "createdDateTime": "String (timestamp)",
          "status": "String",
          "tags": ["String"]
        }
        ```

        ### widgetStatus values

        |Member|
        |:---|
        |active|
        |retired|
        """

    /// The doc set around an example: the widget resource page.
    static let withWidget = ["resources/widget.md": widget]

    /// A response example of a widget, with `BODY` where the JSON goes.
    static func response(_ body: String, annotation: String = "\"@odata.type\": \"microsoft.graph.widget\"") -> String {
        """
        <!-- { "blockType": "request", "name": "get_widget" } -->
        ```http
        GET https://graph.microsoft.com/v1.0/widgets/1
        ```
        <!-- { "blockType": "response", \(annotation) } -->
        ```http
        HTTP/1.1 200 OK
        Content-Type: application/json

        \(body)
        ```
        """
    }
}
