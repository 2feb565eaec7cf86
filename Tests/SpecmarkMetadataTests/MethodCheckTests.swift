import SpecmarkMetadata
import Testing

/// Which methods a resolved path takes, by OData's rules and the fixture's capability annotations.
@Suite struct MethodCheckTests {
    let metadata = ServiceFixture.metadata

    private func problem(_ method: String, _ path: String) -> MethodProblem? {
        metadata.check(method: method, on: metadata.resolve(path))
    }

    private func allowed(_ method: String, _ paths: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for path in paths {
            #expect(metadata.resolve(path).isResolved, "\(path) does not resolve", sourceLocation: sourceLocation)
            #expect(problem(method, path) == nil, "\(method) \(path)", sourceLocation: sourceLocation)
        }
    }

    @Test func getIsFineButOnActions() {
        allowed(
            "GET",
            [
                "/users", "/me", "/users/{id}", "/me/messages", "/me/manager", "/me/mailboxSettings", "/users/$count",
                "/me/photo/$value", "/groups/{id}/members/$ref", "/users/delta", "/supportedLanguages", "/$metadata",
                "/me/drive/root:/a.txt:/content",
            ])
        #expect(
            problem("GET", "/users/{id}/getMemberGroups")
                == .notAllowed(method: "GET", target: .action, isCollection: true))
        #expect(
            problem("GET", "/sendFeedback") == .notAllowed(method: "GET", target: .operationImport, isCollection: false)
        )
        #expect(problem("GET", "/$batch") == .notAllowed(method: "GET", target: .batch, isCollection: false))
    }

    @Test func postGoesToCollectionsAndActions() {
        allowed(
            "POST",
            [
                "/users", "/me/messages", "/groups/{id}/members/microsoft.graph.user", "/groups/{id}/members/$ref",
                "/users/{id}/getMemberGroups", "/users/getByIds", "/sendFeedback", "/$batch",
                "/me/drive/root:/folder:/children",
            ])
    }

    @Test func postIsNoCreateOnAnythingElse() {
        #expect(problem("POST", "/me") == .notAllowed(method: "POST", target: .singleton, isCollection: false))
        #expect(problem("POST", "/users/{id}") == .notAllowed(method: "POST", target: .key, isCollection: false))
        #expect(problem("POST", "/me/manager") == .notAllowed(method: "POST", target: .navigation, isCollection: false))
        #expect(problem("POST", "/users/delta") == .notAllowed(method: "POST", target: .function, isCollection: true))
        #expect(
            problem("POST", "/supportedLanguages")
                == .notAllowed(method: "POST", target: .operationImport, isCollection: true))
        #expect(problem("POST", "/users/$count") == .notAllowed(method: "POST", target: .count, isCollection: false))
        #expect(problem("POST", "/me/photo/$value") == .notAllowed(method: "POST", target: .value, isCollection: false))
        #expect(problem("POST", "/me/manager/$ref") == .notAllowed(method: "POST", target: .ref, isCollection: false))
        #expect(
            problem("POST", "/me/businessPhones") == .notAllowed(method: "POST", target: .property, isCollection: true))
        #expect(problem("POST", "/$metadata") == .notAllowed(method: "POST", target: .metadata, isCollection: false))
    }

    @Test func postWhereTheCapabilitiesForbidInserting() {
        #expect(
            problem("POST", "/directoryObjects")
                == .restricted(method: "POST", target: "microsoft.graph.GraphService/directoryObjects"))
        // memberOf is declared on directoryObject; the restriction is annotated on user/memberOf only.
        #expect(problem("POST", "/me/memberOf") == .restricted(method: "POST", target: "microsoft.graph.user/memberOf"))
        #expect(
            problem("POST", "/users/{id}/memberOf/microsoft.graph.group")
                == .restricted(method: "POST", target: "microsoft.graph.user/memberOf"))
        #expect(problem("POST", "/groups/{id}/memberOf") == nil)
    }

    @Test func patchAndPutGoToSingleThings() {
        let single = [
            "/users/{id}", "/me", "/me/manager", "/me/mailboxSettings", "/me/mailboxSettings/timeZone",
            "/me/drive/items/{id}/content", "/me/photo/$value", "/me/manager/$ref", "/me/drive/root:/a.txt:",
            "/groups/{id}/members/{id}/microsoft.graph.user",
        ]
        allowed("PATCH", single)
        allowed("PUT", single)
    }

    @Test func patchAndPutDoNotGoToCollectionsOrOperations() {
        #expect(problem("PATCH", "/users") == .notAllowed(method: "PATCH", target: .entitySet, isCollection: true))
        #expect(
            problem("PATCH", "/me/messages") == .notAllowed(method: "PATCH", target: .navigation, isCollection: true))
        #expect(
            problem("PUT", "/groups/{id}/members/graph.user")
                == .notAllowed(method: "PUT", target: .cast, isCollection: true))
        #expect(problem("PATCH", "/users/delta") == .notAllowed(method: "PATCH", target: .function, isCollection: true))
        #expect(problem("PATCH", "/me/sendMail") == .notAllowed(method: "PATCH", target: .action, isCollection: false))
        #expect(problem("PUT", "/users/$count") == .notAllowed(method: "PUT", target: .count, isCollection: false))
        #expect(
            problem("PUT", "/groups/{id}/members/$ref") == .notAllowed(method: "PUT", target: .ref, isCollection: true))
    }

    @Test func patchWhereTheCapabilitiesForbidUpdating() {
        #expect(
            problem("PATCH", "/reports") == .restricted(method: "PATCH", target: "microsoft.graph.GraphService/reports")
        )
        // A key takes the restriction of the collection before it.
        #expect(
            problem("PATCH", "/me/mailFolders/{id}")
                == .restricted(method: "PATCH", target: "microsoft.graph.user/mailFolders"))
        #expect(problem("PUT", "/me/photo") == .restricted(method: "PUT", target: "microsoft.graph.user/photo"))
        // The photo's stream is not what UpdateRestrictions speak of.
        #expect(problem("PUT", "/me/photo/$value") == nil)
        #expect(problem("PATCH", "/me/mailFolders/{id}/childFolders/{id}") == nil)
    }

    @Test func deleteGoesToSingleEntitiesReferencesAndValues() {
        allowed(
            "DELETE",
            [
                "/users/{id}", "/me/manager", "/me/manager/$ref", "/groups/{id}/members/{id}/$ref",
                "/groups/{id}/members/$ref?$id=https://example.com/directoryObjects/{id}", "/me/drive/root:/a.txt:",
                "/me/drive/items/{id}/content/$value",
            ])
        #expect(problem("DELETE", "/users") == .notAllowed(method: "DELETE", target: .entitySet, isCollection: true))
        #expect(problem("DELETE", "/me") == .notAllowed(method: "DELETE", target: .singleton, isCollection: false))
        #expect(
            problem("DELETE", "/me/displayName")
                == .notAllowed(method: "DELETE", target: .property, isCollection: false))
        #expect(
            problem("DELETE", "/users/delta") == .notAllowed(method: "DELETE", target: .function, isCollection: true))
        #expect(
            problem("DELETE", "/me/sendMail") == .notAllowed(method: "DELETE", target: .action, isCollection: false))
        #expect(
            problem("DELETE", "/users/$count") == .notAllowed(method: "DELETE", target: .count, isCollection: false))
    }

    @Test func deleteWhereTheCapabilitiesForbidDeleting() {
        #expect(
            problem("DELETE", "/sites/{id}")
                == .restricted(method: "DELETE", target: "microsoft.graph.GraphService/sites"))
        #expect(
            problem("DELETE", "/me/memberOf/{id}")
                == .restricted(method: "DELETE", target: "microsoft.graph.user/memberOf"))
        #expect(problem("DELETE", "/me/photo") == .restricted(method: "DELETE", target: "microsoft.graph.user/photo"))
        #expect(problem("DELETE", "/me/memberOf/{id}/$ref") == nil)
    }

    @Test func unresolvedPathsAndOtherMethodsHaveNoProblem() {
        #expect(problem("PATCH", "/nothing") == nil)
        #expect(problem("POST", "/users//x") == nil)
        #expect(problem("OPTIONS", "/users/$count") == nil)
        #expect(problem("HEAD", "/users") == nil)
    }

    @Test func methodsAreReadWhateverTheirCase() {
        #expect(problem("patch", "/users") == .notAllowed(method: "PATCH", target: .entitySet, isCollection: true))
        #expect(problem("post", "/users") == nil)
    }

    @Test func problemsSayWhatIsWrong() {
        #expect(problem("POST", "/me")?.description == "POST is not allowed on a singleton")
        #expect(problem("PATCH", "/users")?.description == "PATCH is not allowed on a collection")
        #expect(problem("GET", "/me/sendMail")?.description == "GET is not allowed on an action")
        #expect(problem("POST", "/users/{id}")?.description == "POST is not allowed on a single entity")
        #expect(
            problem("POST", "/me/manager")?.description == "POST is not allowed on a single-valued navigation property")
        #expect(
            problem("PUT", "/groups/{id}/members/$ref")?.description
                == "PUT is not allowed on a collection of references")
        #expect(
            problem("DELETE", "/sites/{id}")?.description
                == "the metadata's capabilities forbid DELETE on microsoft.graph.GraphService/sites")
    }
}
