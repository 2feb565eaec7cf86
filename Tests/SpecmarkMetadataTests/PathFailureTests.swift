import SpecmarkMetadata
import Testing

/// Paths that stop resolving: the failing segment's index, its text, its UTF-8 offset in the path and the reason.
@Suite struct PathFailureTests {
    let metadata = ServiceFixture.metadata
    typealias Failure = PathResolution.Failure

    private func failure(_ path: String) -> Failure? { metadata.resolve(path).failure }

    @Test func unknownRootsWithADidYouMean() {
        #expect(
            failure("/userz")
                == Failure(segmentIndex: 0, segment: "userz", offset: 1, reason: .unknownRoot, suggestion: "users"))
        #expect(failure("/people/{id}") == Failure(segmentIndex: 0, segment: "people", offset: 1, reason: .unknownRoot))
        #expect(
            failure("{resource}") == Failure(segmentIndex: 0, segment: "{resource}", offset: 0, reason: .unknownRoot))
        #expect(
            failure("/Users/{id}")
                == Failure(segmentIndex: 0, segment: "Users", offset: 1, reason: .caseMismatch(expected: "users")))
        #expect(metadata.resolve("/userz").segments.isEmpty)
        #expect(!metadata.resolve("/userz").isResolved && metadata.resolve("/userz").target == nil)
    }

    @Test func unknownMembersWithADidYouMean() {
        #expect(
            failure("/me/messagez")
                == Failure(
                    segmentIndex: 1, segment: "messagez", offset: 4, reason: .unknownMember(of: "microsoft.graph.user"),
                    suggestion: "messages"))
        #expect(
            failure("/me/displayName/length")
                == Failure(segmentIndex: 2, segment: "length", offset: 16, reason: .unknownMember(of: "Edm.String")))
        #expect(
            failure("/users/microsoft.graph.nothing")
                == Failure(
                    segmentIndex: 1, segment: "microsoft.graph.nothing", offset: 7,
                    reason: .unknownMember(of: "Collection(microsoft.graph.user)")))
        // No system segment but those OData defines here, and none is a key.
        #expect(
            failure("/users/$all")
                == Failure(
                    segmentIndex: 1, segment: "$all", offset: 7,
                    reason: .unknownMember(of: "Collection(microsoft.graph.user)")))
        // A call of a function the collection does not bind is no key; the same name without parentheses is one.
        #expect(
            failure("/users/deltas()")
                == Failure(
                    segmentIndex: 1, segment: "deltas()", offset: 7,
                    reason: .unknownMember(of: "Collection(microsoft.graph.user)"), suggestion: "delta"))
        #expect(metadata.resolve("/users/deltas").target?.kind == .key)
        // An open type's undeclared members are reported too: the metadata says nothing about them.
        #expect(failure("/me/extras/anything")?.reason == .unknownMember(of: "microsoft.graph.extraData"))
    }

    @Test func membersThatDifferOnlyInCase() {
        #expect(
            failure("/me/MailFolders/{id}")
                == Failure(
                    segmentIndex: 1, segment: "MailFolders", offset: 4, reason: .caseMismatch(expected: "mailFolders")))
        #expect(failure("/users/{id}/GetMemberGroups")?.reason == .caseMismatch(expected: "getMemberGroups"))
        #expect(
            failure("/groups/{id}/members/microsoft.graph.User")
                == Failure(
                    segmentIndex: 3, segment: "microsoft.graph.User", offset: 21,
                    reason: .caseMismatch(expected: "microsoft.graph.user")))
    }

    @Test func aMemberOfTheEntitiesRightAfterTheCollection() {
        let users = "Collection(microsoft.graph.user)"
        #expect(
            failure("/users/messages")
                == Failure(
                    segmentIndex: 1, segment: "messages", offset: 7, reason: .missingKey("messages", collection: users))
        )
        #expect(failure("/users/getMemberGroups")?.reason == .missingKey("getMemberGroups", collection: users))
        #expect(
            failure("/users/{id}/getByIds")
                == Failure(
                    segmentIndex: 2, segment: "getByIds", offset: 12,
                    reason: .needsCollection("getByIds", collection: users)))
    }

    @Test func aMemberOfADerivedTypeWithoutTheCast() {
        #expect(
            failure("/groups/{id}/members/{id}/displayName")
                == Failure(
                    segmentIndex: 4, segment: "displayName", offset: 26,
                    reason: .needsCast(
                        "displayName", derivedType: "microsoft.graph.user", from: "microsoft.graph.directoryObject")))
    }

    @Test func castsToTypesThatDoNotDerive() {
        #expect(
            failure("/users/{id}/microsoft.graph.group")
                == Failure(
                    segmentIndex: 2, segment: "microsoft.graph.group", offset: 12,
                    reason: .invalidCast("microsoft.graph.group", from: "microsoft.graph.user")))
        // A cast goes down the hierarchy only.
        #expect(
            failure("/users/{id}/graph.entity")?.reason
                == .invalidCast("microsoft.graph.entity", from: "microsoft.graph.user"))
        #expect(
            failure("/me/displayName/graph.user")?.reason == .invalidCast("microsoft.graph.user", from: "Edm.String"))
    }

    @Test func keysWhereThereIsNoCollectionOfEntities() {
        #expect(
            failure("/me/{id}")
                == Failure(segmentIndex: 1, segment: "{id}", offset: 4, reason: .keyOnSingle("microsoft.graph.user")))
        #expect(
            failure("/me('x')")
                == Failure(segmentIndex: 1, segment: "('x')", offset: 3, reason: .keyOnSingle("microsoft.graph.user")))
        #expect(
            failure("/me/manager('x')")
                == Failure(
                    segmentIndex: 2, segment: "('x')", offset: 11,
                    reason: .keyOnSingle("microsoft.graph.directoryObject")))
        #expect(
            failure("/me/businessPhones/{n}")
                == Failure(segmentIndex: 2, segment: "{n}", offset: 19, reason: .noKeys("Collection(Edm.String)")))
    }

    @Test func nothingFollowsATerminalSegment() {
        #expect(
            failure("/me/drive/items/{id}/copy/children")
                == Failure(segmentIndex: 5, segment: "children", offset: 26, reason: .afterTerminal("copy")))
        #expect(
            failure("/me/drive/root/search(q='x')/{id}")
                == Failure(segmentIndex: 4, segment: "{id}", offset: 29, reason: .afterTerminal("search(q='x')")))
        #expect(
            failure("/users/$count/x")
                == Failure(segmentIndex: 2, segment: "x", offset: 14, reason: .afterTerminal("$count")))
        #expect(failure("/me/photo/$value/x")?.reason == .afterTerminal("$value"))
        #expect(failure("/me/manager/$ref/x")?.reason == .afterTerminal("$ref"))
        #expect(
            failure("/$batch/x") == Failure(segmentIndex: 1, segment: "x", offset: 8, reason: .afterTerminal("$batch")))
        #expect(failure("/sendFeedback/x")?.reason == .afterTerminal("sendFeedback"))
    }

    @Test func parametersThatFitNoOverload() {
        let token = "reminderView(endDateTime='x')"
        #expect(
            failure("/me/\(token)")
                == Failure(segmentIndex: 1, segment: token, offset: 4, reason: .parameterMismatch("reminderView")))
        #expect(failure("/reports/getMailActivity(week=1)")?.reason == .parameterMismatch("getMailActivity"))
        #expect(failure("/reports/getMailActivity('D7')")?.reason == .parameterMismatch("getMailActivity"))
        #expect(
            failure("/reports/getMailActivity(period='D7',period='D30')")?.reason
                == .parameterMismatch("getMailActivity"))
        #expect(failure("/me/sendMail(message='x')")?.reason == .parameterMismatch("sendMail"))
        #expect(failure("/me/reminderView(StartDateTime='x')")?.reason == .caseMismatch(expected: "startDateTime"))
    }

    @Test func systemSegmentsWhereTheyDoNotApply() {
        #expect(
            failure("/me/$count")
                == Failure(
                    segmentIndex: 1, segment: "$count", offset: 4,
                    reason: .misplaced("$count", after: "microsoft.graph.user")))
        #expect(
            failure("/me/messages/{id}/$value")
                == Failure(
                    segmentIndex: 3, segment: "$value", offset: 18,
                    reason: .misplaced("$value", after: "microsoft.graph.message")))
        #expect(failure("/me/businessPhones/$value")?.reason == .misplaced("$value", after: "Collection(Edm.String)"))
        #expect(failure("/users/{id}/$ref")?.reason == .misplaced("$ref", after: "microsoft.graph.user"))
        #expect(failure("/me/displayName/$ref")?.reason == .misplaced("$ref", after: "Edm.String"))
        #expect(failure("/users/$batch")?.reason == .misplaced("$batch", after: "Collection(microsoft.graph.user)"))
        #expect(
            failure("/me/mailFolders/...")?.reason == .misplaced("...", after: "Collection(microsoft.graph.mailFolder)")
        )
    }

    @Test func itemPathsNeedASingleEntity() {
        #expect(
            failure("/me/drive/items:/a:")
                == Failure(
                    segmentIndex: 3, segment: ":/a:", offset: 15,
                    reason: .misplaced(":/a:", after: "Collection(microsoft.graph.driveItem)")))
        #expect(
            failure("/me/mailboxSettings:/a")?.reason == .misplaced(":/a", after: "microsoft.graph.mailboxSettings"))
        #expect(failure(":/a:")?.reason == .unknownRoot)
    }

    @Test func segmentsThatCannotBeRead() {
        #expect(failure("/users//messages") == Failure(segmentIndex: 1, segment: "", offset: 7, reason: .emptySegment))
        #expect(
            failure("/users('abc/messages")
                == Failure(
                    segmentIndex: 0, segment: "users('abc/messages", offset: 1, reason: .malformed("an unclosed quote"))
        )
        #expect(
            failure("/users/{id")
                == Failure(segmentIndex: 1, segment: "{id", offset: 7, reason: .malformed("an unclosed '{'")))
        #expect(
            failure("/users(1")
                == Failure(segmentIndex: 0, segment: "users(1", offset: 1, reason: .malformed("an unclosed '('")))
        #expect(failure("/users('a')x")?.reason == .malformed("text after the closing ')'"))
        #expect(
            failure("/users()")
                == Failure(segmentIndex: 1, segment: "()", offset: 6, reason: .malformed("an empty key")))
    }

    @Test func reasonsAndFailuresSayWhatIsWrong() {
        let users = "Collection(microsoft.graph.user)"
        #expect(
            PathResolution.Reason.missingKey("messages", collection: users).description
                == "'messages' is a member of each item of Collection(microsoft.graph.user), so a key must come before it"
        )
        #expect(
            PathResolution.Reason.misplaced("$count", after: "microsoft.graph.user").description
                == "'$count' cannot follow microsoft.graph.user (only a collection has a count)")
        #expect(
            PathResolution.Reason.misplaced(":/a:", after: users).description
                == "':/a:' cannot follow \(users) (path-based addressing needs a single entity such as a drive item)")
        #expect(
            PathResolution.Reason.needsCast(
                "displayName", derivedType: "microsoft.graph.user", from: "microsoft.graph.directoryObject"
            ).description
                == "'displayName' is a member of microsoft.graph.user, which derives from microsoft.graph.directoryObject, so a cast to it must come first"
        )
        #expect(
            PathResolution.Reason.needsCollection("getByIds", collection: users).description
                == "'getByIds' is bound to Collection(microsoft.graph.user), so it cannot follow a single item of it")
        #expect(
            PathResolution.Reason.noKeys("Collection(Edm.String)").description
                == "Collection(Edm.String) is not a collection of entities: it has no keys, and its items cannot be addressed one by one"
        )
        #expect(PathResolution.Reason.emptySegment.description == "an empty segment")
        #expect(
            failure("/me/Messages")?.description == "segment 1 'Messages' (offset 4): the metadata spells it 'messages'"
        )
    }
}
