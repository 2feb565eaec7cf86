/// Pages rule examples share: a small resource with every kind of property, a complex type, an enum, and a type
/// derived from the resource.
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
        |ownerId|Guid|The identifier of the owner.|
        |dimensions|[widgetDimensions](widgetdimensions.md)|Height and width.|
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
          "ownerId": "Guid",
          "dimensions": { "@odata.type": "microsoft.graph.widgetDimensions" },
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

    /// A complex type the widget uses.
    static let widgetDimensions = """
        # widgetDimensions resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |height|Double|Height in millimetres.|
        |width|Double|Width in millimetres.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widgetDimensions" } -->
        ```json
        { "height": "Double", "width": "Double" }
        ```
        """

    /// A widget that holds more: it inherits every widget property.
    static let bigWidget = """
        # bigWidget resource type

        Inherits from [widget](widget.md).

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |capacity|Int32|How many parts it holds.|

        ## JSON representation
        <!-- {
          "blockType": "resource", "@odata.type": "microsoft.graph.bigWidget", "baseType": "microsoft.graph.widget"
        } -->
        ```json
        { "capacity": "Int32" }
        ```
        """

    /// A resource whose table and JSON representation disagree on a property's type.
    static let gadget = """
        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|
        |isFolded|String|Whether the gadget is folded.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gadget" } -->
        ```json
        { "id": "String", "isFolded": true }
        ```
        """

    /// The doc set around an example: the gadget page.
    static let withGadget = ["resources/gadget.md": gadget]

    /// The doc set around an example: the widget resource page and its complex type.
    static let withWidget = [
        "resources/widget.md": widget, "resources/widgetdimensions.md": widgetDimensions,
    ]

    /// The doc set around an example: the widget pages and the bigWidget derived from it.
    static let withBigWidget = withWidget.merging(["resources/bigwidget.md": bigWidget]) { first, _ in first }

    /// A response example of a widget, with `BODY` where the JSON goes; `annotation` is the annotation's keys after
    /// the blockType (none when empty).
    static func response(_ body: String, annotation: String = "\"@odata.type\": \"microsoft.graph.widget\"") -> String {
        let keys = annotation.isEmpty ? "" : ", " + annotation
        return """
            <!-- { "blockType": "request", "name": "get_widget" } -->
            ```http
            GET https://graph.microsoft.com/v1.0/widgets/1
            ```
            <!-- { "blockType": "response"\(keys) } -->
            ```http
            HTTP/1.1 200 OK
            Content-Type: application/json

            \(body)
            ```
            """
    }
}
