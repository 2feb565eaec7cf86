/// The service metadata the metadata rules' examples are checked against: the widget of ``ExamplePages`` as the
/// service defines it, with a contained `parts` relationship, two bound operations and a container.
enum MetadataExamples {
    static let csdl = """
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
              <EnumType Name="widgetStatus">
                <Member Name="active" Value="0" />
                <Member Name="retired" Value="1" />
              </EnumType>
              <EntityType Name="entity" Abstract="true">
                <Key><PropertyRef Name="id" /></Key>
                <Property Name="id" Type="Edm.String" Nullable="false" />
              </EntityType>
              <EntityType Name="widget" BaseType="graph.entity">
                <Property Name="name" Type="Edm.String" />
                <Property Name="size" Type="Edm.Int32" />
                <Property Name="weight" Type="Edm.Double" />
                <Property Name="isActive" Type="Edm.Boolean" />
                <Property Name="createdDateTime" Type="Edm.DateTimeOffset" />
                <Property Name="ownerId" Type="Edm.Guid" />
                <Property Name="dimensions" Type="graph.widgetDimensions" />
                <Property Name="status" Type="graph.widgetStatus" />
                <Property Name="tags" Type="Collection(Edm.String)" />
                <NavigationProperty Name="parts" Type="Collection(graph.part)" ContainsTarget="true" />
              </EntityType>
              <EntityType Name="bigWidget" BaseType="graph.widget">
                <Property Name="capacity" Type="Edm.Int32" />
              </EntityType>
              <EntityType Name="part" BaseType="graph.entity">
                <Property Name="label" Type="Edm.String" />
              </EntityType>
              <ComplexType Name="widgetDimensions">
                <Property Name="height" Type="Edm.Double" />
                <Property Name="width" Type="Edm.Double" />
              </ComplexType>
              <Action Name="paint" IsBound="true">
                <Parameter Name="bindingParameter" Type="graph.widget" />
                <Parameter Name="colour" Type="Edm.String" Nullable="false" />
                <Parameter Name="coats" Type="Edm.Int32" />
              </Action>
              <Function Name="measure" IsBound="true">
                <Parameter Name="bindingParameter" Type="graph.widget" />
                <Parameter Name="unit" Type="Edm.String" Nullable="false" />
                <ReturnType Type="graph.widgetDimensions" />
              </Function>
              <EntityContainer Name="GraphService">
                <EntitySet Name="widgets" EntityType="microsoft.graph.widget" />
              </EntityContainer>
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """

    /// The widget resource page as the metadata has it: ``ExamplePages/widget`` with its Relationships table.
    static let widget =
        ExamplePages.widget + """


            ## Relationships
            |Relationship|Type|Description|
            |:---|:---|:---|
            |parts|[part](part.md) collection|The parts it is made of.|
            """

    /// The doc set around a metadata example: the widget and its complex type, and the part page.
    static let pages = [
        "resources/widget.md": widget, "resources/widgetdimensions.md": ExamplePages.widgetDimensions,
        "resources/part.md": part, "resources/bigwidget.md": ExamplePages.bigWidget,
    ]

    static let part = """
        # part resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|
        |label|String|What the part is called.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.part", "baseType": "microsoft.graph.entity" } -->
        ```json
        { "id": "String", "label": "String" }
        ```
        """

    /// The abstract base type's page.
    static let entity = """
        # entity resource type

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|

        ## JSON representation
        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.entity", "abstract": true } -->
        ```json
        { "id": "String" }
        ```
        """

    /// The widget page as the service has it, checked against the metadata: what every resource rule's
    /// non-triggering example starts from.
    static let agreeingWidget = RuleExample(
        widget, file: "resources/widget.md", otherPages: pages(without: "resources/widget.md"), metadata: csdl)

    /// The widgetStatus enum page with `members` (one per line, markers included) in its values table, whose
    /// heading `heading` spells.
    static func widgetStatusPage(members: [String], heading: String = "## widgetStatus values") -> String {
        "# widgetStatus enum type\n\n\(heading)\n\n|Member|\n|:---|\n" + members.map { "|\($0)|\n" }.joined()
    }

    /// The method page of the widget's `paint` action: `requestBody` under the Request body heading (which
    /// `heading` spells, markers included) and, when given, a request example that sends `exampleBody`.
    static func paintPage(
        requestBody: String, exampleBody: String? = nil, heading: String = "## Request body"
    ) -> String {
        var page = """
            ## HTTP request
            ```http
            POST /widgets/{id}/paint
            ```

            \(heading)
            \(requestBody)

            """
        if let exampleBody {
            page += """

                ## Example
                <!-- { "blockType": "request", "name": "paint_widget" } -->
                ```http
                POST https://graph.microsoft.com/v1.0/widgets/1/paint
                Content-Type: application/json

                \(exampleBody)
                ```

                """
        }
        return page
    }

    /// `pages` without one of them (the example stands in for it).
    static func pages(without file: String) -> [String: String] {
        pages.filter { $0.key != file }
    }
}
