import Testing

@testable import SpecmarkReport

/// How reports group files into areas.
@Suite struct ReportAreasTests {
    @Test func anAreaIsTheFirstFolderOrTheFileNamesFirstWord() {
        #expect(ReportAreas.word(of: "api/intune-apps-mobileapp-get.md") == "intune")
        #expect(ReportAreas.word(of: "api-reference/v1.0/resources/user.md") == "user")
        #expect(ReportAreas.word(of: "v1.0/api/sensors/reading-get.md") == "sensors")
        #expect(ReportAreas.word(of: "beta/api/Team_Get.md") == "team")
        #expect(ReportAreas.word(of: "defects/broken-link.md") == "defects")
        #expect(ReportAreas.word(of: "./README.md") == "readme")
        #expect(ReportAreas.word(of: "-odd.md") == "other")
        #expect(ReportAreas.word(of: "/srv/contracts/graph-v1.0.csdl.xml") == "metadata")
    }

    @Test func wordsWithTheSameFirstFiveLettersAreOneArea() {
        let areas = ReportAreas(files: [
            "api/identityprovider-get.md", "api/identityset.md", "resources/identitycontainer.md",
            "api/team-get.md", "api/teamsapp-list.md", "api/teamstab-get.md", "api/user-get.md",
            "api/intune-devices-x.md",
        ])
        #expect(areas.area(of: "api/identityprovider-get.md") == "identity*")
        #expect(areas.area(of: "resources/identitycontainer.md") == "identity*")
        #expect(areas.area(of: "api/teamsapp-list.md") == "teams*")
        // Four letters are too few to group by: `team` stays itself.
        #expect(areas.area(of: "api/team-get.md") == "team")
        #expect(areas.area(of: "api/user-get.md") == "user")
        #expect(areas.area(of: "api/intune-devices-x.md") == "intune")
    }

    @Test func theFolderEveryFileIsInIsNotAnArea() {
        let areas = ReportAreas(files: ["docs-samples/defects/a.md", "docs-samples/v1.0/api/widget-get.md"])
        #expect(areas.area(of: "docs-samples/defects/a.md") == "defects")
        #expect(areas.area(of: "docs-samples/v1.0/api/widget-get.md") == "widget")
        #expect(ReportAreas.sharedFolder(of: ["a/b/c.md", "a/b/d/e.md"]) == "a/b/")
        #expect(ReportAreas.sharedFolder(of: ["a.md", "b/c.md"]) == "")
    }
}
