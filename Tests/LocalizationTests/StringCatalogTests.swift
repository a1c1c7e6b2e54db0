import CourseDiagnostics
import Localization
import Testing

@Suite struct StringCatalogTests {
    @Test func placeholders() {
        #expect(StringCatalog.placeholders(in: "{label} at step {step}, {label}") == ["label", "step"])
    }
}
