import CourseDiagnostics
import Testing
@testable import ExperimentLanguage

/// Integer literals are read as Swift reads them (issue 11, item 11): `0x10` is 16, not the
/// double whose bit pattern is 16 (8e-323); and `1e309` is one clear error (item 15).
struct NumberLiteralTests {
    @Test(arguments: [
        ("0x10", 16.0), ("0o20", 16), ("0b1_0000", 16), ("1_000", 1000), ("0xFF_FF", 65535),
        ("0x0", 0), ("0b0", 0), ("007", 7), ("0x1p-4", 0.0625), ("0x1.8p1", 3), ("0x1P4", 16), ("0x1_0p0", 16),
        // Beyond 64 bits, rounded once to the nearest double, as Swift's `let x: Double = 0x…` is.
        ("0x1_0000_0000_0000_0000", 18_446_744_073_709_551_616), ("0xFFFFFFFFFFFFFFFFF", 295_147_905_179_352_825_856),
        ("0b" + String(repeating: "1", count: 54), 18_014_398_509_481_984), ("1e309", nil), ("0x1p1024", nil), ("0xG", nil),
        ("0o8", nil), ("0b2", nil),
    ] as [(String, Double?)])
    func valueOfLiteral(text: String, value: Double?) {
        #expect(NumberLiteral.value(of: text) == value)
    }

    @Test(arguments: [("0x10", 16.0), ("0o20", 16.0), ("0b1_0000", 16.0), ("0x1p-4", 0.0625), ("1_0", 10.0)])
    func learningRateFromAnyLiteral(text: String, lr: Double) throws {
        let e = try DirectiveParserTests.experiment("""
            Experiment("t") {
                Objective { x, y in x * x + y * y }
                Start(-1, 1)
                Steps(3)
                SGD(lr: \(text))
            }
            """)
        #expect(e.runs[0].optimizer.values["lr"] == .real(lr))
    }

    @Test func stepsOfAHexLiteralIsAnInteger() throws {
        let e = try DirectiveParserTests.experiment("""
            Experiment("t") {
                Objective { x, y in x * x + y * y }
                Start(-1, 1)
                Steps(0x10)
                SGD(lr: 0x1p-4)
            }
            """)
        #expect(e.steps == 16)
    }

    /// `1e309` said it is not representable and then that 'lr' is too complicated an expression.
    @Test(arguments: ["1e309", "-1e309", "0x1p1024", "2 * 1e309"])
    func unrepresentableLiteralIsOneError(text: String) {
        let (_, diagnostics) = DirectiveParserTests.check("""
            Experiment("t") {
                Objective { x, y in x * x + y * y }
                SGD(lr: \(text))
            }
            """)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message.hasSuffix("is not a representable number") == true, "\(errors)")
        #expect(errors.first?.location?.line == DirectiveParserTests.origin.line + 2)
    }

    @Test func hexFloatWithoutExponentDigitsIsAnError() {
        let (_, diagnostics) = DirectiveParserTests.check("Experiment(\"t\") {\n    Objective { x, y in x * x }\n    SGD(lr: 0x1p)\n}")
        #expect(diagnostics.map(\.message).contains("expected a digit in the exponent"))
    }
}
