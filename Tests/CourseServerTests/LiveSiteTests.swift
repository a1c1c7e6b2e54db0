@testable import CourseServer
import CourseTestSupport
import Foundation
import Testing

/// The live site without HTTP: a build keeps its files, a rebuild publishes what changed, a
/// failed build keeps the last good files and publishes its diagnostics as the terminal prints them.
@Suite struct LiveSiteTests {
    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-live")
        folder.write("chapters/index.md", "---\ntitle: Live course\n---\nWelcome.\n")
        folder.write("chapters/01-first.md", "# First\n\nThe first words.\n")
        folder.write("chapters/02-second.md", "# Second\n\nSee [the first](01-first.md).\n")
        return folder
    }

    /// The next event of `stream`, or `nil` when it ended.
    static func next(_ iterator: inout AsyncStream<LiveEvent>.Iterator) async -> LiveEvent? {
        await iterator.next()
    }

    @Test func aRebuildPublishesTheChangedPagesAndAFailureKeepsTheLastGoodOnes() async throws {
        let folder = Self.course()
        defer { folder.remove() }
        let site = LiveSite(LiveSite.Configuration(chaptersFolder: folder.path + "/chapters"))
        let first = site.rebuild()
        guard case .reload(let built) = first.event else { Issue.record("\(first.event)"); return }
        #expect(built.generation == 1)
        #expect(built.changed.contains("first.html") && built.changed.contains("index.html") && built.removed.isEmpty)
        var events = site.events().makeAsyncIterator()

        // A prose edit changes its page (and the search index), not the other chapter.
        folder.write("chapters/01-first.md", "# First\n\nThe first words, edited.\n")
        site.rebuild()
        guard case .reload(let edit)? = await Self.next(&events) else { Issue.record("no reload"); return }
        #expect(edit.changed.contains("first.html"))
        #expect(!edit.changed.contains("second.html"))
        #expect(String(decoding: site.file("first.html") ?? [], as: UTF8.self).contains("The first words, edited."))

        // A broken link: the failure, printed as `build` prints it; the pages stay.
        folder.write("chapters/02-second.md", "# Second\n\nSee [the third](03-third.md).\n")
        let broken = site.rebuild()
        guard case .failed(let failure)? = await Self.next(&events) else { Issue.record("no failure"); return }
        #expect(broken.result.diagnostics.containsErrors)
        #expect(failure.report.hasPrefix("\(folder.path)/chapters/02-second.md:3:5: error: link to a missing chapter '03-third.md'\n"))
        #expect(failure.report.contains("\n    See [the third](03-third.md).\n        ^"))
        #expect(site.status.failure == failure.report && site.status.hasGoodBuild)
        #expect(String(decoding: site.file("second.html") ?? [], as: UTF8.self).contains("the first"))

        // A page opened while broken hears of the failure at once.
        var late = site.events().makeAsyncIterator()
        guard case .failed(let again)? = await Self.next(&late) else { Issue.record("no failure for a late page"); return }
        #expect(again == failure)

        // Fixed, with a chapter added and one deleted.
        folder.write("chapters/02-second.md", "# Second\n\nSee [the third](03-third.md).\n")
        folder.write("chapters/03-third.md", "# Third\n")
        try FileManager.default.removeItem(atPath: folder.path + "/chapters/01-first.md")
        site.rebuild()
        guard case .reload(let fixed)? = await Self.next(&events) else { Issue.record("no reload after the fix"); return }
        #expect(fixed.removed == ["first.html"])
        #expect(fixed.changed.contains("third.html") && fixed.changed.contains("second.html"))
        #expect(site.status.failure == nil)
        #expect(site.file("first.html") == nil)

        site.close()
        #expect(await Self.next(&events) == nil)
        var closed = site.events().makeAsyncIterator()
        #expect(await Self.next(&closed) == nil)
    }

    @Test func aSessionWhoseFirstBuildFailsHasNoPagesButTheFailure() {
        let folder = TemporaryFolder("coursegen-live")
        defer { folder.remove() }
        folder.write("chapters/01-first.md", "# First\n\n[x](09-missing.md)\n")
        let site = LiveSite(LiveSite.Configuration(chaptersFolder: folder.path + "/chapters"))
        site.rebuild()
        #expect(!site.status.hasGoodBuild)
        #expect(site.status.failure?.contains("error: link to a missing chapter '09-missing.md'") == true)
        #expect(site.file("index.html") == nil)
        let page = LivePage.noGoodBuild(failure: site.status.failure ?? "")
        #expect(page.contains("coursegen-live-overlay") && page.contains("09-missing.md"))
        #expect(page.contains(LivePage.noGoodBuildTitle) && !page.contains(LivePage.lastGoodTitle))
    }

    @Test func theOptionsOfEveryBuildComeFromTheConfiguration() {
        var configuration = LiveSite.Configuration(chaptersFolder: "chapters")
        configuration.allowHTML = true
        configuration.includeDrafts = true
        configuration.useCache = false
        let site = LiveSite(configuration)
        let first = site.buildOptions(firstBuild: true)
        #expect(first.allowHTML && first.includeDrafts)
        #expect(first.cache?.readsEntries == false)
        // `--no-cache` forces the first build only; a rebuild after an edit reads what it stored.
        #expect(site.buildOptions(firstBuild: false).cache?.readsEntries == true)
    }
}
