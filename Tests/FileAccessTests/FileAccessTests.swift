import CourseTestSupport
import FileAccess
import Foundation
import Testing

@Suite struct FileAccessTests {
    @Test func aSparseTwentyGigabyteFileIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("big.md", "")
        // `truncate -s 20G`: a hole, no disk used; reading it would take 20 GB of memory.
        #expect(truncate(path, 20 << 30) == 0)
        let started = Date()
        #expect(throws: FileProblem.tooLarge(bytes: 20 << 30, limit: 4 << 20)) {
            try BoundedFile.read(path, limit: 4 << 20)
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test func devicesPipesAndFoldersAreNotRegularFiles() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.path + "/pipe", 0o600) == 0)
        #expect(throws: FileProblem.notRegularFile(kind: "a device")) { try BoundedFile.read("/dev/zero", limit: 10) }
        #expect(throws: FileProblem.notRegularFile(kind: "a named pipe")) { try BoundedFile.read(folder.path + "/pipe", limit: 10) }
        #expect(throws: FileProblem.notRegularFile(kind: "a folder")) { try BoundedFile.read(folder.path, limit: 10) }
        #expect(throws: FileProblem.missing) { try BoundedFile.read(folder.path + "/nothing", limit: 10) }
    }

    @Test func readsAtMostTheLimit() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("a.txt", "hello")
        #expect(try BoundedFile.read(path, limit: 5) == Array("hello".utf8))
        #expect(throws: FileProblem.tooLarge(bytes: 5, limit: 4)) { try BoundedFile.read(path, limit: 4) }
        let file = try BoundedFile(path: path)
        #expect(file.size == 5)
        #expect(try file.read(upTo: 2) == Array("he".utf8))
    }

    @Test func symbolicLinksMayNotLeadOutOfTheFolder() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("ch/01-a.md", "# A\n")
        folder.write("ch/img/a.png", "png")
        folder.write("outside.txt", "secret")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: folder.path + "/ch/etc", withDestinationPath: "/etc")
        try fm.createSymbolicLink(atPath: folder.path + "/ch/02-p.md", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: folder.path + "/ch/img/secret.png", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: folder.path + "/ch/home", withDestinationPath: "/root")
        try fm.createSymbolicLink(atPath: folder.path + "/ch/up.txt", withDestinationPath: "../outside.txt")
        try fm.createSymbolicLink(atPath: folder.path + "/ch/zero", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: folder.path + "/ch/same.md", withDestinationPath: "01-a.md")
        try fm.createSymbolicLink(atPath: folder.path + "/ch/pictures", withDestinationPath: "img")
        let chapters = try ConfinedFolder(folder.path + "/ch")
        let outside = FileProblem.outsideFolder(folder: folder.path + "/ch")
        for path in ["etc/passwd", "02-p.md", "img/secret.png", "home", "up.txt", "zero"] {
            #expect(throws: outside, "\(path)") { try chapters.read(path, limit: 1 << 20) }
        }
        #expect(try chapters.read("same.md", limit: 100) == Array("# A\n".utf8), "a link inside the folder is followed")
        #expect(try chapters.read("pictures/a.png", limit: 100) == Array("png".utf8))
        #expect(throws: FileProblem.missing) { try chapters.read("img/none.png", limit: 100) }
        #expect(throws: FileProblem.notRegularFile(kind: "a folder")) { try chapters.read("img", limit: 100) }
    }

    @Test func aFolderNamedThroughALinkIsItsRealPath() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("real/01-a.md", "# A\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/named", withDestinationPath: folder.path + "/real")
        let chapters = try ConfinedFolder(folder.path + "/named")
        #expect(try chapters.read("01-a.md", limit: 100) == Array("# A\n".utf8))
    }
}

@Suite struct FileProblemWordingTests {
    @Test(arguments: [
        (FileProblem.missing, "'x' does not exist", "it does not exist"),
        (.notRegularFile(kind: "a device"), "'x' is not a regular file but a device", "it is not a regular file but a device"),
        (.tooLarge(bytes: 10, limit: 4), "'x' is 10 bytes; the limit is 4", "it is 10 bytes; the limit is 4"),
        (.outsideFolder(folder: "ch"), "'x' leads outside 'ch' through a symbolic link", "it leads outside 'ch' through a symbolic link"),
        (.unreadable(reason: "Permission denied"), "'x' cannot be read: Permission denied", "Permission denied"),
    ])
    func problemsReadAsSentences(_ problem: FileProblem, _ sentence: String, _ clause: String) {
        #expect("'x' \(problem)" == sentence)
        #expect(problem.reason == clause)
    }
}
