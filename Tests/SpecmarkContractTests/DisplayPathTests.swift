import Testing

@testable import SpecmarkContract

struct DisplayPathTests {
    /// Paths below the current directory lose it, and every leading `./` goes; anything else is left as it is.
    @Test(arguments: [
        ("/repo", "/repo/docs/a.md", "docs/a.md"),
        ("/repo/", "/repo/docs/a.md", "docs/a.md"),
        ("/repo", "/repository/a.md", "/repository/a.md"),
        ("/repo", "/other/a.md", "/other/a.md"),
        ("/repo", "./docs/a.md", "docs/a.md"),
        ("/repo", "././docs/./a.md", "docs/./a.md"),
        ("/repo", "/repo/./a.md", "a.md"),
        ("/repo", "../a.md", "../a.md"),
        ("/repo", "./é/ü.md", "é/ü.md"),
        ("/repo", "a.md", "a.md"),
        ("", "/repo/a.md", "/repo/a.md"),
        ("/repo", ".", "."),
        ("/repo", "./", ""),
    ])
    func displayPaths(directory: String, path: String, shown: String) {
        #expect(DisplayPath(currentDirectory: directory)(path) == shown)
    }
}
