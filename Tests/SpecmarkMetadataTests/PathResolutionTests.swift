import SpecmarkMetadata
import Testing

/// Paths as docs pages write them, resolved against the fixture: what each segment addresses and its type.
@Suite struct PathResolutionTests {
    let metadata = ServiceFixture.metadata

    /// `text | kind | type` for each resolved segment; nothing when the path fails.
    private func resolved(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let resolution = metadata.resolve(path)
        #expect(resolution.failure == nil, "\(path): \(resolution)", sourceLocation: sourceLocation)
        return resolution.segments.map { "\($0.text) | \($0.kind.rawValue) | \($0.type?.description ?? "-")" }
    }

    @Test func entitySetsAndSingletons() {
        #expect(resolved("/users") == ["users | entity set | Collection(microsoft.graph.user)"])
        #expect(resolved("/me") == ["me | singleton | microsoft.graph.user"])
        #expect(resolved("users") == ["users | entity set | Collection(microsoft.graph.user)"])
        #expect(resolved("/users/") == ["users | entity set | Collection(microsoft.graph.user)"])
        let users = metadata.resolve("/users")
        #expect(users.isResolved && users.target?.kind == .entitySet)
        #expect(users.target?.capabilityTarget == "microsoft.graph.GraphService/users")
    }

    @Test func theQueryAndFragmentAreLeftOff() {
        #expect(resolved("/users?$filter=startswith(displayName,'a/b')&$top=5") == resolved("/users"))
        #expect(resolved("/me/messages#top") == resolved("/me/messages"))
        #expect(metadata.resolve("/users?$select=id").path == "/users?$select=id")
    }

    @Test func placeholderKeysAfterCollections() {
        #expect(
            resolved("/users/{id}/messages")
                == [
                    "users | entity set | Collection(microsoft.graph.user)", "{id} | key | microsoft.graph.user",
                    "messages | navigation property | Collection(microsoft.graph.message)",
                ])
        #expect(
            resolved("/users/{id | userPrincipalName}")[1] == "{id | userPrincipalName} | key | microsoft.graph.user")
        #expect(
            resolved("/users/{user-id}/manager")[2] == "manager | navigation property | microsoft.graph.directoryObject"
        )
        let key = metadata.resolve("/users/{id}").segments[1]
        #expect(key.offset == 7 && key.capabilityTarget == "microsoft.graph.GraphService/users")
    }

    @Test func literalKeysAfterCollections() {
        #expect(resolved("/users/48d31887-5fad-4d73-a9f5-3c356e68a038")[1].hasSuffix("| key | microsoft.graph.user"))
        // A site's `root` is a structural property (a facet), so `root` after the collection is a key.
        #expect(
            resolved("/sites/root") == [
                "sites | entity set | Collection(microsoft.graph.site)", "root | key | microsoft.graph.site",
            ])
        #expect(resolved("/sites/contoso.sharepoint.com")[1] == "contoso.sharepoint.com | key | microsoft.graph.site")
        #expect(resolved("/me/drive/special/approot")[3] == "approot | key | microsoft.graph.driveItem")
    }

    @Test func keysInParenthesesAreSegmentsOfTheirOwn() {
        #expect(
            resolved("users('abc')")
                == ["users | entity set | Collection(microsoft.graph.user)", "('abc') | key | microsoft.graph.user"])
        #expect(resolved("/users('{id}')/messages")[1] == "('{id}') | key | microsoft.graph.user")
        #expect(
            resolved("/users(userPrincipalName='x@y.com')")[1]
                == "(userPrincipalName='x@y.com') | key | microsoft.graph.user")
        #expect(resolved("/me/messages('m1')/attachments")[2] == "('m1') | key | microsoft.graph.message")
        // A slash inside quotes does not split segments; the key's offset is its '('.
        let resolution = metadata.resolve("/users('a/b')/messages")
        #expect(resolution.segments.map(\.text) == ["users", "('a/b')", "messages"])
        #expect(resolution.segments.map(\.offset) == [1, 6, 14])
    }

    @Test func navigationAndPropertiesFollowInheritance() throws {
        // memberOf is declared on directoryObject, the base of user.
        let memberOf = try #require(metadata.resolve("/me/memberOf").target)
        #expect(memberOf.kind == .navigation && memberOf.property?.declaringType == "microsoft.graph.directoryObject")
        #expect(memberOf.type == MetadataTypeName(name: "microsoft.graph.directoryObject", isCollection: true))
        // The annotations are on user/memberOf, so that is where capabilities are read from …
        #expect(memberOf.capabilityTarget == "microsoft.graph.user/memberOf")
        // … and on a group, from the declaring type.
        #expect(
            metadata.resolve("/groups/{id}/memberOf").target?.capabilityTarget
                == "microsoft.graph.directoryObject/memberOf")
        #expect(resolved("/users/{id}/id")[2] == "id | property | Edm.String")
        #expect(
            metadata.resolve("/me/messages/{id}/createdDateTime").target?.property?.declaringType
                == "microsoft.graph.outlookItem")
    }

    @Test func structuralPropertiesAndComplexTypes() {
        #expect(
            resolved("/me/mailboxSettings/automaticRepliesSetting/status")
                == [
                    "me | singleton | microsoft.graph.user",
                    "mailboxSettings | property | microsoft.graph.mailboxSettings",
                    "automaticRepliesSetting | property | microsoft.graph.automaticRepliesSetting",
                    "status | property | Edm.String",
                ])
        #expect(resolved("/me/businessPhones")[1] == "businessPhones | property | Collection(Edm.String)")
        #expect(resolved("/me/mail")[1] == "mail | property | microsoft.graph.mailAddress")
    }

    @Test func streamPropertiesAndValue() {
        #expect(resolved("/me/drive/items/{id}/content")[4] == "content | property | Edm.Stream")
        #expect(resolved("/me/drive/items/{id}/content/$value")[5] == "$value | $value | Edm.Stream")
        // A media entity (HasStream) and a primitive property have a raw value too.
        #expect(resolved("/me/photo/$value")[2] == "$value | $value | Edm.Stream")
        #expect(resolved("/me/displayName/$value")[2] == "$value | $value | Edm.String")
        #expect(resolved("/me/drive/root/shared/$value")[4] == "$value | $value | microsoft.graph.sharingRole")
    }

    @Test func countAndRef() {
        #expect(resolved("/users/$count")[1] == "$count | $count | -")
        #expect(resolved("/me/messages/$count")[2] == "$count | $count | -")
        #expect(resolved("/me/businessPhones/$count")[2] == "$count | $count | -")
        #expect(resolved("/groups/{id}/members/$ref")[3] == "$ref | $ref | Collection(microsoft.graph.directoryObject)")
        #expect(resolved("/groups/{id}/members/{id}/$ref")[4] == "$ref | $ref | microsoft.graph.directoryObject")
        #expect(resolved("/me/manager/$ref")[2] == "$ref | $ref | microsoft.graph.directoryObject")
        #expect(resolved("/groups/{id}/members/microsoft.graph.user/$ref").count == 5)
    }

    @Test func castsToDerivedTypes() {
        #expect(
            resolved("/groups/{id}/members/microsoft.graph.user")[3]
                == "microsoft.graph.user | cast | Collection(microsoft.graph.user)")
        #expect(
            resolved("/groups/{id}/members/graph.user/$count")[3]
                == "graph.user | cast | Collection(microsoft.graph.user)")
        #expect(
            resolved("/groups/{id}/members/{id}/microsoft.graph.user/displayName")[5]
                == "displayName | property | Edm.String")
        #expect(
            resolved("/communications/callRecords/microsoft.graph.callRecords.groupCallRecord")[2]
                == "microsoft.graph.callRecords.groupCallRecord | cast | Collection(microsoft.graph.callRecords.groupCallRecord)"
        )
        #expect(resolved("/me/messages/{id}/attachments/{id}/microsoft.graph.fileAttachment/contentBytes").count == 7)
        // A cast to the type itself is allowed.
        #expect(resolved("/users/{id}/microsoft.graph.user").count == 3)
        #expect(
            metadata.resolve("/groups/{id}/members/graph.user").target?.capabilityTarget
                == "microsoft.graph.group/members")
    }

    @Test func boundOperationsShortOrQualifiedOnTheTypeOrItsBase() throws {
        #expect(resolved("/users/{id}/getMemberGroups")[2] == "getMemberGroups | action | Collection(Edm.String)")
        #expect(
            resolved("/users/{id}/microsoft.graph.getMemberGroups")[2]
                == "microsoft.graph.getMemberGroups | action | Collection(Edm.String)")
        #expect(resolved("/me/graph.getMemberGroups")[1] == "graph.getMemberGroups | action | Collection(Edm.String)")
        // Bound to Collection(directoryObject), called on the users collection.
        #expect(resolved("/users/getByIds")[1] == "getByIds | action | Collection(microsoft.graph.directoryObject)")
        #expect(resolved("/me/sendMail") == ["me | singleton | microsoft.graph.user", "sendMail | action | -"])
        #expect(resolved("/me/sendMail()")[1] == "sendMail() | action | -")
        let operation = try #require(metadata.resolve("/users/{id}/getMemberGroups").target?.operation)
        #expect(operation.name == "microsoft.graph.getMemberGroups")
    }

    @Test func functionsWithAndWithoutParameters() {
        #expect(resolved("/users/delta")[1] == "delta | function | Collection(microsoft.graph.user)")
        #expect(resolved("/users/delta()")[1] == "delta() | function | Collection(microsoft.graph.user)")
        #expect(resolved("/me/reminderView(startDateTime={start},endDateTime={end})").count == 2)
        #expect(resolved("/me/reminderView(startDateTime='2021-01-01')").count == 2)
        #expect(resolved("/me/reminderView(startDateTime = {start}, endDateTime = {end})").count == 2)
        #expect(
            resolved("/me/drive/root/search(q='a,b)')")[3]
                == "search(q='a,b)') | function | Collection(microsoft.graph.driveItem)")
    }

    @Test func theOverloadWhoseParametersFitIsChosen() {
        func parameters(_ path: String) -> [String] {
            metadata.resolve(path).target?.operation?.callParameters.map(\.name) ?? []
        }
        #expect(parameters("/reports/getMailActivity(period='D7')") == ["period"])
        #expect(parameters("/reports/getMailActivity(period='{period_value}')") == ["period"])
        #expect(parameters("/reports/getMailActivity(date=2021-07-01)") == ["date"])
        // A placeholder in place of the value names the parameter it stands for.
        #expect(parameters("/reports/getMailActivity(<period>)") == ["period"])
        #expect(parameters("/reports/getMailActivity({date})") == ["date"])
        #expect(parameters("/reports/microsoft.graph.getMailActivity(date={date})") == ["date"])
    }

    @Test func composableFunctionsMayBeFollowed() {
        #expect(resolved("/users/delta()/$count")[2] == "$count | $count | -")
        #expect(
            resolved("/me/drive/recent/{id}/name")
                == [
                    "me | singleton | microsoft.graph.user", "drive | navigation property | microsoft.graph.drive",
                    "recent | function | Collection(microsoft.graph.driveItem)",
                    "{id} | key | microsoft.graph.driveItem", "name | property | Edm.String",
                ])
    }

    @Test func operationImports() throws {
        #expect(resolved("/supportedLanguages") == ["supportedLanguages | operation import | Collection(Edm.String)"])
        #expect(resolved("/supportedLanguages()").count == 1)
        let feedback = try #require(metadata.resolve("/sendFeedback").target)
        #expect(feedback.kind == .operationImport && feedback.operation?.kind == .action && feedback.type == nil)
    }

    @Test func drivePathAddressing() {
        #expect(
            resolved("/me/drive/root:/a/b.txt:")
                == [
                    "me | singleton | microsoft.graph.user", "drive | navigation property | microsoft.graph.drive",
                    "root | navigation property | microsoft.graph.driveItem",
                    ":/a/b.txt: | item path | microsoft.graph.driveItem",
                ])
        #expect(resolved("/me/drive/root:/{item-path}:/content")[4] == "content | property | Edm.Stream")
        #expect(
            resolved("/drives/{id}/items/{item-id}:/{file-name}:/content")[4]
                == ":/{file-name}: | item path | microsoft.graph.driveItem")
        #expect(
            resolved("/sites/{hostname}:/{server-relative-path}")[2]
                == ":/{server-relative-path} | item path | microsoft.graph.site")
        #expect(
            resolved("/me/drive/root:/folder/file.txt")[3]
                == ":/folder/file.txt | item path | microsoft.graph.driveItem")
        #expect(
            resolved("/me/drive/root:/{a/b}:/children")[4]
                == "children | navigation property | Collection(microsoft.graph.driveItem)")
        let resolution = metadata.resolve("/me/drive/root:/a/b.txt:/content")
        #expect(resolution.segments.map(\.offset) == [1, 4, 10, 14, 25])
        // Offsets count UTF-8 bytes: 'é' is two.
        #expect(metadata.resolve("/me/drive/root:/é:/content").segments.map(\.offset) == [1, 4, 10, 14, 20])
        #expect(metadata.resolve("/users('é')/nothing").failure?.offset == 13)
    }

    @Test func slashesInsideBracesDoNotSplitSegments() {
        #expect(resolved("/drives/{id}/items/{folder/file}")[3] == "{folder/file} | key | microsoft.graph.driveItem")
    }

    @Test func repeatedSegmentsWrittenAsAnEllipsis() {
        #expect(
            resolved("/me/mailFolders/{id}/childFolders/{id}/.../messages")[5]
                == "... | ... | microsoft.graph.mailFolder")
    }

    @Test func batchAndMetadataRoots() {
        #expect(resolved("/$batch") == ["$batch | $batch | -"])
        #expect(resolved("$metadata") == ["$metadata | $metadata | -"])
        #expect(resolved("/$metadata#users") == ["$metadata | $metadata | -"])
    }

    @Test func aliasesStandForTheirExpansionWhenTheRootIsUnknown() {
        let aliases = [(from: "/mine", to: "/users/{id}")]
        let resolution = metadata.resolve("/mine/messages/{id}", aliases: aliases)
        #expect(resolution.failure == nil)
        #expect(resolution.segments.map(\.text) == ["users", "{id}", "messages", "{id}"])
        #expect(resolution.segments.map(\.offset) == [1, 1, 6, 15])
        // The metadata's own `me` wins over an alias of the same name.
        let me = metadata.resolve("/me/messages", aliases: [(from: "me", to: "/users/{id}")])
        #expect(me.segments.first?.kind == .singleton)
        // A later failure is placed in the path as written.
        let failure = metadata.resolve("/mine/nothing", aliases: aliases).failure
        #expect(
            failure?.segmentIndex == 2 && failure?.offset == 6
                && failure?.reason == .unknownMember(of: "microsoft.graph.user"))
    }

    @Test func anAliasThatDoesNotResolveSaysWhyWhereItIsWritten() {
        let resolution = metadata.resolve("/mine/messages", aliases: [(from: "/mine", to: "/people/{id}")])
        #expect(resolution.segments.isEmpty)
        #expect(
            resolution.failure
                == PathResolution.Failure(segmentIndex: 0, segment: "mine", offset: 1, reason: .unknownRoot))
    }

    @Test func descriptionListsSegmentsInColumnsThenTheFailure() {
        #expect(
            metadata.resolve("/me/messages/{id}").description
                == """
                me        singleton            microsoft.graph.user
                messages  navigation property  Collection(microsoft.graph.message)
                {id}      key                  microsoft.graph.message
                """)
        #expect(
            metadata.resolve("/users/{id}/getMemberGroups").description.split(separator: "\n").last
                == "getMemberGroups  action      Collection(Edm.String)            microsoft.graph.getMemberGroups")
        #expect(
            metadata.resolve("/me/mesages").description
                == """
                me  singleton  microsoft.graph.user
                failed at segment 1 'mesages' (offset 4): no property, navigation property, bound action or function \
                of microsoft.graph.user; did you mean 'messages'?
                """)
        #expect(metadata.resolve("").description == "no segments")
    }
}
