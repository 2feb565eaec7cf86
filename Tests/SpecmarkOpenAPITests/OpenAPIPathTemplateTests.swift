import SpecmarkContract
import Testing

@testable import SpecmarkOpenAPI

/// Declared paths become OpenAPI paths whose placeholders OpenAPI can define.
@Suite struct OpenAPIPathTemplateTests {
    static func made(_ path: String) -> OpenAPIPathTemplate? {
        try? OpenAPIPathTemplate.make(from: PathTemplate(path)).get()
    }

    static func problem(_ path: String) -> OpenAPIPathTemplate.Problem? {
        if case .failure(let problem) = OpenAPIPathTemplate.make(from: PathTemplate(path)) { return problem }
        return nil
    }

    @Test func keysAreNamedAfterTheCollectionBeforeThem() {
        let template = Self.made("/users/{id | userPrincipalName}/messages/{id}")
        #expect(template?.path == "/users/{user-id}/messages/{message-id}")
        #expect(template?.placeholders.map(\.written) == ["id | userPrincipalName", "id"])
        #expect(template?.shape == "/users/{}/messages/{}")
        #expect(Self.made("/policies/{id}")?.path == "/policies/{policy-id}")
        #expect(Self.made("/me/mailFolders('{folder}')")?.path == "/me/mailFolders('{mailFolder-id}')")
    }

    @Test func argumentsAreNamedAfterTheirParameter() {
        let template = Self.made("/reports/getEmailActivityUserDetail(period='{period_value}')")
        #expect(template?.path == "/reports/getEmailActivityUserDetail(period='{period}')")
        #expect(template?.placeholders.first?.argument == "period")
        // A space between arguments is layout; both arguments keep their own names.
        #expect(
            Self.made("/me/range/resizedRange(deltaRows={n}, deltaColumns={n})")?.path
                == "/me/range/resizedRange(deltaRows={deltaRows},deltaColumns={deltaColumns})")
    }

    @Test func otherPlaceholdersKeepTheirWrittenNameMadeSafe() {
        #expect(Self.made("/drives/{drive-id}/root:/{item-path}:")?.path == "/drives/{drive-id}/root:/{item-path}:")
        #expect(Self.made("/{tenant id}/things")?.path == "/{tenant-id}/things")
        // Names stay unique within a path.
        #expect(Self.made("/sites/{x}/{x}")?.path == "/sites/{site-id}/{x}")
        #expect(Self.made("/a/{b}:/{b}")?.path == "/a/{b}:/{b-2}")
    }

    @Test func theDeclaredQueryIsKept() {
        let template = Self.made("/sites?search={query}&$top=5")
        #expect(template?.path == "/sites")
        #expect(template?.query.map(\.name) == ["search", "$top"])
        #expect(template?.query.map(\.value) == ["{query}", "5"])
    }

    @Test func renamingKeepsTheShape() {
        let template = Self.made("/users/{id}/events/{event}")
        let renamed = template?.renamed(to: ["u", "e"])
        #expect(renamed?.path == "/users/{u}/events/{e}")
        #expect(renamed?.shape == template?.shape)
    }

    @Test func whatOpenAPICannotSayIsAProblem() {
        #expect(Self.problem("/me/mailFolders/{id}/childFolders/{id}/.../messages") == .repetition)
        #expect(Self.problem("/users/{id/messages") == .unbalancedBrace)
        #expect(Self.problem("/users/id}/messages") == .unbalancedBrace)
        #expect(Self.problem("/users/{user-id} | upn/chats") == .character("a space"))
        #expect(Self.problem("/a//b") == .emptySegment)
    }

    @Test func singularsOfTheGraphsCollections() {
        #expect(OpenAPIPathTemplate.singular("users") == "user")
        #expect(OpenAPIPathTemplate.singular("policies") == "policy")
        #expect(OpenAPIPathTemplate.singular("addresses") == "address")
        #expect(OpenAPIPathTemplate.singular("children") == "children")
        #expect(OpenAPIPathTemplate.singular("status") == "status")
    }
}
