import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// No file outside the chapters folder reaches the site, and no read is unbounded
/// (issue 11, items 1, 10 and 15): each refusal at the position that names the file.
@Suite struct HostFileTests {
    private func errors(_ folder: TemporaryFolder) -> [String] {
        build(folder).diagnostics.filter { $0.severity == .error }.map { d in
            let location = d.location.map { "\($0): ".replacingOccurrences(of: folder.path + "/", with: "") } ?? ""
            return location + d.message.replacingOccurrences(of: folder.path + "/", with: "")
        }
    }

    private func link(_ folder: TemporaryFolder, _ path: String, to target: String) throws {
        let full = folder.path + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    @Test func theIssuesSymbolicLinksAreRefusedWherePagesNameThem() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // ln -s /etc ch/etc; ln -s /etc/passwd ch/02-p.md; printf '# A\n\n[x](etc/shadow)\n' > ch/01-a.md
        try link(folder, "chapters/etc", to: "/etc")
        try link(folder, "chapters/02-p.md", to: "/etc/passwd")
        try link(folder, "chapters/img/secret.png", to: "/etc/passwd")
        try link(folder, "chapters/home", to: "/root")
        folder.write("chapters/01-a.md", "# A\n\n[x](etc/shadow)\n\n![s](img/secret.png)\n\n[h](home/.bashrc)\n")
        let result = build(folder)
        #expect(result.files.isEmpty)
        #expect(errors(folder) == [
            "chapters/01-a.md:3:1: link 'etc/shadow' leads outside 'chapters' through a symbolic link",
            "chapters/01-a.md:5:1: link 'img/secret.png' leads outside 'chapters' through a symbolic link",
            "chapters/01-a.md:7:1: link 'home/.bashrc' leads outside 'chapters' through a symbolic link",
            "chapters/02-p.md: cannot read 'chapters/02-p.md': it leads outside 'chapters' through a symbolic link",
        ])
        #expect(result.diagnostics.allSatisfy { $0.hint?.contains("symbolic link") == true })
    }

    @Test func aSymbolicLinkInsideTheFolderIsFollowed() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/images/plot.png", "PNG")
        try link(folder, "chapters/img", to: "images")
        try link(folder, "chapters/images/alias.png", to: "plot.png")
        folder.write("chapters/01-a.md", "# A\n\n![p](img/plot.png) ![a](images/alias.png)\n")
        let result = build(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let copied = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
        #expect(copied["img/plot.png"] == Array("PNG".utf8), "copied as a file, under the name the page links")
        #expect(copied["images/alias.png"] == Array("PNG".utf8))
    }

    @Test func themeFilesAreReadOnlyFromInsideTheFolder() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        try link(folder, "chapters/theme/style.css", to: "/etc/passwd")
        try link(folder, "chapters/theme/page.mustache", to: "/dev/zero")
        #expect(errors(folder) == [
            "chapters/theme/page.mustache: cannot read the theme file 'chapters/theme/page.mustache': it leads outside 'chapters' through a symbolic link",
            "chapters/theme/style.css: cannot read the theme file 'chapters/theme/style.css': it leads outside 'chapters' through a symbolic link",
        ])
    }

    @Test func hugeAndEndlessFilesAreRefusedBeforeTheyAreRead() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // truncate -s 20G: a chapter and a linked file of 20 GB that take no disk.
        #expect(truncate(folder.write("chapters/02-big.md", ""), 20 << 30) == 0)
        #expect(truncate(folder.write("chapters/big.bin", ""), 20 << 30) == 0)
        // /dev/zero through a link inside the folder, and a named pipe in it.
        try link(folder, "chapters/zero.bin", to: "/dev/zero")
        try link(folder, "chapters/sz", to: "/")
        #expect(mkfifo(folder.path + "/chapters/pipe.bin", 0o600) == 0)
        #expect(mkfifo(folder.path + "/chapters/03-pipe.md", 0o600) == 0)
        folder.write("chapters/01-a.md", "# A\n\n[b](big.bin) [z](zero.bin) [p](pipe.bin) [d](sz/dev/zero)\n")
        let started = Date()
        #expect(errors(folder) == [
            "chapters/01-a.md:3:1: the file 'big.bin' that this link names is 21474836480 bytes; the limit is \(SiteLimits.assetBytes)",
            "chapters/01-a.md:3:14: link 'zero.bin' leads outside 'chapters' through a symbolic link",
            "chapters/01-a.md:3:28: link 'pipe.bin' names a file that is not a regular file but a named pipe",
            "chapters/01-a.md:3:42: link 'sz/dev/zero' leads outside 'chapters' through a symbolic link",
            "chapters/02-big.md: chapter is 21474836480 bytes; the limit is \(SiteLimits.chapterBytes)",
            "chapters/03-pipe.md: cannot read 'chapters/03-pipe.md': it is not a regular file but a named pipe",
        ])
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func theLinkedFilesTogetherAreBounded() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let count = SiteLimits.totalAssetBytes / SiteLimits.assetBytes + 1
        var links = ""
        for k in 0..<count {
            #expect(truncate(folder.write("chapters/f\(k).bin", ""), off_t(SiteLimits.assetBytes)) == 0)
            links += "[f](f\(k).bin)\n"
        }
        folder.write("chapters/01-a.md", "# A\n\n" + links)
        #expect(errors(folder) == [
            "chapters/01-a.md:11:1: the files the chapters link add up to more than \(SiteLimits.totalAssetBytes) bytes"
        ])
    }
}
