import Foundation
import Testing

@testable import SpecmarkContract

/// Reading a page's bytes: regular files in one read sized by fstat, everything else until the end, and the limits.
@Suite struct FileReaderTests {
    /// Files of every size around the edges (empty, one byte, a page of memory either side) read back exactly.
    @Test func regularFilesReadBackExactly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-read-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 4095, 4096, 4097, 65_536, 200_001] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let file = directory.appendingPathComponent("page-\(size).md")
            try Data(bytes).write(to: file)
            let read = try FileReader.read(file.path).get()
            #expect(read == bytes, "size \(size)")
        }
    }

    /// A device has no size to trust: it is read until it ends, and one that never ends stops at the limit.
    @Test func aDeviceIsReadUpToTheLimit() throws {
        guard case .failure(let error) = FileReader.read("/dev/zero", limit: 100_000) else {
            Issue.record("reading /dev/zero should stop at the limit")
            return
        }
        #expect(error.skipped)
        #expect(error.reason.contains("MB"))
        #expect(try FileReader.read("/dev/null").get() == [])
    }

    @Test func directoriesAndMissingFilesAreErrors() {
        guard case .failure(let directory) = FileReader.read(FileManager.default.temporaryDirectory.path) else {
            Issue.record("a directory is not a page")
            return
        }
        #expect(directory.reason == "is a directory")
        guard case .failure(let missing) = FileReader.read("/nonexistent-\(UUID()).md") else {
            Issue.record("a missing file is not a page")
            return
        }
        #expect(missing.reason == "no such file or directory")
    }

    /// Pages read through their folders' descriptors read as by their whole paths, failures included: one
    /// descriptor per folder, opened as the paths move to it, and the whole path where there is no folder to open.
    @Test func filesReadThroughTheirFoldersAsByTheirPaths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("specmark-folders-\(UUID())")
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in [("a/x.md", "# X\n"), ("a/y.md", "# Y\n"), ("b/z.md", "# Z é\n")] {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let paths = ["a/x.md", "a/y.md", "b/z.md", "b/gone.md", "missing/q.md", "a/x.md"].map {
            directory.appendingPathComponent($0).path
        }
        let folders = FileReader.Folders(paths)
        defer { folders.close() }
        for (index, path) in paths.enumerated() {
            switch (FileReader.read(path, in: folders[index]), FileReader.read(path)) {
            case (.success(let through), .success(let direct)): #expect(through == direct, "\(path)")
            case (.failure(let through), .failure(let direct)): #expect(through.reason == direct.reason, "\(path)")
            default: Issue.record("\(path) reads differently through its folder")
            }
        }
        #expect(folders[0].descriptor != AT_FDCWD && folders[0].descriptor == folders[1].descriptor)
        #expect(folders[2].descriptor != AT_FDCWD && folders[2].descriptor != folders[0].descriptor)
        #expect(folders[2].descriptor == folders[3].descriptor)
        #expect(folders[4].descriptor == AT_FDCWD)
        #expect(folders[5].descriptor != folders[0].descriptor)
        #expect(FileReader.Folders(["page.md", "/", "x/"])[0].descriptor == AT_FDCWD)
        // Only the paths to be read get a folder.
        let some = FileReader.Folders(paths, reading: [2])
        defer { some.close() }
        #expect(some[0].descriptor == AT_FDCWD && some[2].descriptor != AT_FDCWD)
        // Past the most descriptors it may hold, a folder's files are read by path.
        let capped = FileReader.Folders(paths, maximumOpen: 1)
        defer { capped.close() }
        #expect(capped[0].descriptor != AT_FDCWD && capped[1].descriptor == capped[0].descriptor)
        #expect(capped[2].descriptor == AT_FDCWD)
        guard case .success(let bytes) = FileReader.read(paths[2], in: capped[2]) else {
            Issue.record("a capped folder's file still reads by its path")
            return
        }
        #expect(bytes == Array("# Z é\n".utf8))
    }

    /// A file's size and time read by its name in its folder are those read by its whole path; a missing file
    /// has none.
    @Test func attributesByFolderEqualAttributesByPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attributes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["a.md", "b.md"].map { folder.appendingPathComponent($0).path }
        try Data("abc".utf8).write(to: URL(fileURLWithPath: paths[0]))
        let folders = FileReader.Folders(paths)
        defer { folders.close() }
        let byPath = try #require(FileReader.attributes(of: paths[0]))
        let byFolder = try #require(FileReader.attributes(of: paths[0], in: folders[0]))
        #expect(byPath.size == 3)
        #expect(byFolder.size == byPath.size && byFolder.modified == byPath.modified)
        #expect(FileReader.attributes(of: paths[1], in: folders[1]) == nil)
        #expect(FileReader.attributes(of: paths[1]) == nil)
    }
}
