import Foundation

/// Feeds texts to the toolchain's own parser, `swiftc -parse`, in one batch.
enum SwiftSyntaxValidator {
    static let swiftc = "/opt/swift/usr/bin/swiftc"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: swiftc) }

    /// The indices of `texts` that swiftc rejects, with its messages. Each text becomes the body
    /// of its own function in its own file (statements are not allowed at a library's top level),
    /// and all files go to one invocation.
    static func rejected(_ texts: [String]) throws -> [(index: Int, message: String)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftc-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, text) in texts.enumerated() {
            let url = folder.appendingPathComponent("directive\(index).swift")
            try "func directive\(index)() {\n\(text)\n}\n".write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftc)
        process.arguments = ["-parse"] + paths
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var rejected: [(Int, String)] = []
        for line in output.split(separator: "\n") where line.contains(": error: ") {
            guard let range = line.range(of: "directive"), let end = line.range(of: ".swift:", range: range.upperBound..<line.endIndex),
                  let index = Int(line[range.upperBound..<end.lowerBound]) else { continue }
            rejected.append((index, String(line)))
        }
        if process.terminationStatus != 0, rejected.isEmpty {
            rejected.append((-1, output))
        }
        return rejected
    }
}
