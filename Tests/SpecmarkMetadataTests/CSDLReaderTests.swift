import SpecmarkMetadata
import Testing

/// The fixture read into the model: schemas, types, enums, operations, the container and the annotations, each
/// element where it starts in the file, and the lookups over them.
@Suite struct CSDLReaderTests {
    let metadata = ServiceFixture.metadata

    @Test func schemasHaveTheirAliasesAndLocations() {
        #expect(
            metadata.schemas == [
                .init(namespace: "microsoft.graph", alias: "graph", location: .init(line: 4, column: 5)),
                .init(namespace: "microsoft.graph.callRecords", location: .init(line: 246, column: 5)),
            ])
        #expect(metadata.version == "4.0")
        #expect(metadata.file == "service.csdl.xml")
    }

    @Test func entityTypesKeepFlagsKeysAndBaseTypesWithAliasesExpanded() throws {
        let entity = try #require(metadata.type(named: "microsoft.graph.entity"))
        #expect(entity.kind == .entity && entity.isAbstract && entity.key == ["id"] && entity.baseType == nil)
        let user = try #require(metadata.type(named: "graph.user"))
        #expect(user.baseType == "microsoft.graph.directoryObject")
        #expect(user.key.isEmpty)
        #expect(user.location == MetadataLocation(line: 26, column: 7))
        #expect(metadata.type(named: "microsoft.graph.profilePhoto")?.hasStream == true)
        #expect(metadata.type(named: "microsoft.graph.message")?.isOpen == true)
        #expect(metadata.type(named: "microsoft.graph.extraData")?.kind == .complex)
        #expect(metadata.type(named: "microsoft.graph.extraData")?.isOpen == true)
        #expect(metadata.type(named: "microsoft.graph.extraData")?.location == MetadataLocation(line: 107, column: 7))
        #expect(metadata.types.count == 23)
    }

    @Test func propertiesHaveTypesNullabilityAndLocations() throws {
        let user = try #require(metadata.type(named: "microsoft.graph.user"))
        #expect(
            user.properties.first
                == StructuralProperty(
                    name: "displayName", type: MetadataTypeName(name: "Edm.String"),
                    location: MetadataLocation(line: 27, column: 9)))
        let mail = try #require(user.properties.first { $0.name == "mail" })
        #expect(mail.type == MetadataTypeName(name: "microsoft.graph.mailAddress"))
        let phones = try #require(user.properties.first { $0.name == "businessPhones" })
        #expect(phones.type == MetadataTypeName(name: "Edm.String", isCollection: true) && !phones.isNullable)
        let messages = try #require(user.navigationProperties.first)
        #expect(messages.name == "messages" && messages.containsTarget)
        #expect(messages.type == MetadataTypeName(name: "microsoft.graph.message", isCollection: true))
        #expect(messages.location == MetadataLocation(line: 32, column: 9))
        let manager = try #require(user.navigationProperties.first { $0.name == "manager" })
        #expect(!manager.containsTarget && manager.type == MetadataTypeName(name: "microsoft.graph.directoryObject"))
        let members = try #require(metadata.type(named: "microsoft.graph.group")?.navigationProperties.first)
        #expect(members.partner == "memberOf")
    }

    @Test func enumsAndTypeDefinitions() throws {
        let role = try #require(metadata.enumType(named: "graph.sharingRole"))
        #expect(role.isFlags && role.underlyingType == "Edm.Int32")
        #expect(role.members.map(\.name) == ["none", "read", "write"])
        #expect(role.members.last?.value == "2" && role.members.last?.location == MetadataLocation(line: 13, column: 9))
        #expect(role.location == MetadataLocation(line: 10, column: 7))
        #expect(metadata.enumType(named: "microsoft.graph.importance")?.isFlags == false)
        #expect(
            metadata.enumType(named: "microsoft.graph.callRecords.modality")?.namespace == "microsoft.graph.callRecords"
        )
        #expect(
            metadata.typeDefinition(named: "graph.mailAddress")
                == TypeDefinition(
                    name: "microsoft.graph.mailAddress", underlyingType: "Edm.String",
                    location: MetadataLocation(line: 15, column: 7)))
    }

    @Test func operationsKeepOverloadsBindingsAndParameters() throws {
        let overloads = metadata.operations(named: "graph.getMailActivity")
        #expect(overloads.map { $0.callParameters.map(\.name) } == [["period"], ["date"]])
        #expect(overloads.map(\.location) == [.init(line: 152, column: 7), .init(line: 157, column: 7)])
        #expect(overloads.first?.callParameters.first?.location == MetadataLocation(line: 154, column: 9))
        #expect(overloads.allSatisfy { $0.kind == .function && $0.isBound && !$0.isComposable })
        #expect(overloads.first?.returnType == MetadataTypeName(name: "Edm.Stream"))
        let delta = try #require(metadata.operations(named: "microsoft.graph.delta").first)
        #expect(delta.isComposable)
        #expect(delta.bindingType == MetadataTypeName(name: "microsoft.graph.user", isCollection: true))
        let send = try #require(metadata.operations(named: "microsoft.graph.sendMail").first)
        #expect(send.kind == .action && send.returnType == nil)
        #expect(send.callParameters.map { "\($0.name) \($0.isNullable)" } == ["message false", "saveToSentItems true"])
        let unbound = try #require(metadata.operations(named: "microsoft.graph.supportedLanguages").first)
        #expect(!unbound.isBound && unbound.bindingType == nil && unbound.callParameters.isEmpty)
    }

    @Test func containerHasSetsSingletonsBindingsAndImports() throws {
        let container = try #require(metadata.container)
        #expect(container.name == "microsoft.graph.GraphService")
        #expect(container.location == MetadataLocation(line: 168, column: 7))
        #expect(container.entitySets.map(\.name) == ["directoryObjects", "users", "groups", "drives", "sites"])
        #expect(container.singletons.map(\.name) == ["me", "reports", "communications"])
        let users = try #require(metadata.source(named: "users"))
        #expect(users.kind == .entitySet && users.type == "microsoft.graph.user")
        #expect(users.location == MetadataLocation(line: 176, column: 9))
        #expect(
            users.bindings.map { "\($0.path)->\($0.target)" } == [
                "manager->directoryObjects", "memberOf->directoryObjects",
            ])
        #expect(metadata.source(named: "me")?.location == MetadataLocation(line: 186, column: 9))
        #expect(metadata.source(named: "Users") == nil)
        #expect(
            container.operationImports == [
                .init(
                    kind: .function, name: "supportedLanguages", operation: "microsoft.graph.supportedLanguages",
                    location: .init(line: 197, column: 9)),
                .init(
                    kind: .action, name: "sendFeedback", operation: "microsoft.graph.sendFeedback",
                    location: .init(line: 198, column: 9)),
            ])
        #expect(metadata.operationImport(named: "sendFeedback")?.kind == .action)
    }

    @Test func annotationsKeepDescriptionsComputedAndRestrictionsOnAliasExpandedTargets() {
        let user = metadata.annotations(on: "microsoft.graph.user")
        #expect(user?.description == "Someone who signs in to the sample service.")
        #expect(user?.longDescription == "A made-up type for the fixture: it has mail, folders and a drive.")
        #expect(metadata.annotations(on: "graph.user/displayName")?.description == "The name shown for the person.")
        #expect(metadata.annotations(on: "microsoft.graph.outlookItem/createdDateTime")?.isComputed == true)
        let photo = metadata.annotations(on: "microsoft.graph.user/photo")
        #expect(photo?.isUpdatable == false && photo?.isDeletable == false && photo?.isInsertable == true)
        #expect(metadata.annotations(on: "microsoft.graph.GraphService/sites")?.isDeletable == false)
        #expect(metadata.annotations(on: "microsoft.graph.GraphService/directoryObjects")?.isInsertable == false)
        #expect(metadata.annotations(on: "microsoft.graph.GraphService/reports")?.isUpdatable == false)
        #expect(metadata.annotations(on: "microsoft.graph.GraphService/users") == nil)
        #expect(metadata.annotations.count == 9)
    }

    @Test func propertyLookupsFollowBaseTypes() throws {
        let user = try #require(metadata.type(named: "microsoft.graph.user"))
        #expect(metadata.property("id", of: user)?.declaringType == "microsoft.graph.entity")
        let memberOf = try #require(metadata.property("memberOf", of: user))
        #expect(memberOf.isNavigation && memberOf.declaringType == "microsoft.graph.directoryObject")
        #expect(memberOf.location == MetadataLocation(line: 24, column: 9))
        #expect(metadata.property("displayName", of: user)?.declaringType == "microsoft.graph.user")
        #expect(metadata.property("DisplayName", of: user) == nil)
        #expect(metadata.allProperties(of: user).count == 13)
        // A type changed by hand is looked through, not read from the index built from the file.
        var changed = user
        changed.properties = [
            StructuralProperty(name: "nickname", type: .init(name: "Edm.String"), location: user.location)
        ]
        #expect(metadata.property("nickname", of: changed)?.declaringType == "microsoft.graph.user")
        #expect(metadata.property("displayName", of: changed) == nil)
    }

    @Test func typeRelationsAndBoundOperations() {
        #expect(
            metadata.derivedTypes(of: "graph.directoryObject") == ["microsoft.graph.user", "microsoft.graph.group"])
        #expect(metadata.isType("microsoft.graph.user", derivedFrom: "microsoft.graph.entity"))
        #expect(!metadata.isType("microsoft.graph.user", derivedFrom: "microsoft.graph.group"))
        let user = MetadataTypeName(name: "microsoft.graph.user")
        #expect(metadata.boundOperations(named: "getMemberGroups", boundTo: user).count == 1)
        #expect(metadata.boundOperations(named: "graph.getMemberGroups", boundTo: user).count == 1)
        #expect(metadata.boundOperations(named: "getByIds", boundTo: user).isEmpty)
        let users = MetadataTypeName(name: "microsoft.graph.user", isCollection: true)
        #expect(metadata.boundOperations(boundTo: users).map(\.shortName) == ["delta", "getByIds"])
        #expect(
            metadata.boundOperations(boundTo: user).map(\.shortName) == ["sendMail", "reminderView", "getMemberGroups"])
        #expect(
            metadata.derivedType(declaring: "displayName", below: "microsoft.graph.directoryObject")
                == "microsoft.graph.user")
        #expect(
            metadata.derivedType(declaring: "members", below: "microsoft.graph.directoryObject")
                == "microsoft.graph.group")
        #expect(metadata.derivedType(declaring: "nothing", below: "microsoft.graph.directoryObject") == nil)
        #expect(metadata.isSchemaNamespace("graph") && metadata.isSchemaNamespace("microsoft.graph.callRecords"))
        #expect(!metadata.isSchemaNamespace("contoso.sharepoint"))
    }
}
