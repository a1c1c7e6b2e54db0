import CourseTestSupport
import Foundation
import SyntaxHighlighting
import Testing

/// Code the course shows, highlighted into one page: the golden bytes pin
/// the output, and the page is what the Nu checker validates.
@Suite struct GoldenTests {
    static let samples: [(language: String, code: String)] = [
        ("swift", #"""
        /// Adam, one step: moments, bias correction, update.
        @inlinable
        func adamStep(_ θ: inout [Double], _ g: [Double], state: inout AdamState, lr: Double = 1e-3) {
            state.t += 1
            let (β1, β2) = (0.9, 0.999)
            for i in θ.indices {
                state.m[i] = β1 * state.m[i] + (1 - β1) * g[i]
                state.v[i] = β2 * state.v[i] + (1 - β2) * g[i] * g[i]
                let mHat = state.m[i] / (1 - pow(β1, Double(state.t)))   /* bias /* nested */ corrected */
                θ[i] -= lr * mHat / (sqrt(state.v[i] / (1 - pow(β2, Double(state.t)))) + 1e-8)
            }
            print("step \(state.t): θ = \(θ.map { String(format: "%.3f", $0) })")
        }

        Experiment("Four optimizers on the bowl") {
            Objective(.rosenbrock)
            Start(x: -1.5, y: 2)
            Adam(lr: 0.1, betas: (0.9, 0.999))
            Layout(.grid)
        }
        """#),
        ("python", #"""
        import numpy as np

        @dataclass
        class Adam(Optimizer):
            """Kingma & Ba (2015)."""
            lr: float = 1e-3

            def step(self, theta, grad):
                self.t += 1
                self.m = 0.9 * self.m + (1 - 0.9) * grad
                if self.t % 100 == 0 and not self.quiet:
                    print(f"step {self.t:>5d}: loss={loss(theta):.3e} {{ok}}")
                return theta - self.lr * self.m / (np.sqrt(self.v) + 1e-8)  # update
        """#),
        ("bash", #"""
        #!/usr/bin/env bash
        set -euo pipefail
        for chapter in chapters/*.md; do
            echo "building ${chapter%.md} at $(date +%s)" >> "$LOG" 2>&1
        done
        SNAPSHOTS=overwrite swift test --filter GoldenTests
        cat <<'EOF' > out.txt
        literal $text
        EOF
        """#),
        ("console", #"""
        $ swift build -c release
        Building for production...
        Build complete! (41.2s)
        $ .build/release/coursegen build course/ --output site/
        wrote 12 pages to site/
        """#),
    ]

    static func page() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Highlighting sample</title>
        <style>
        body { font: 16px/1.5 sans-serif; max-width: 50em; margin: 1em auto; }
        pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; }
        .hl-keyword { color: #cf222e; } .hl-literal, .hl-number { color: #0550ae; } .hl-string { color: #0a3069; }
        .hl-escape, .hl-interpolation { color: #8250df; } .hl-comment { color: #6e7781; font-style: italic; }
        .hl-type { color: #953800; } .hl-function { color: #8250df; } .hl-attribute { color: #116329; }
        .hl-operator { color: #cf222e; } .hl-variable { color: #953800; } .hl-prompt { color: #6e7781; user-select: none; }
        .hl-output { color: #57606a; }
        </style>
        </head>
        <body>
        <h1>Code the course shows</h1>

        """
        for (language, code) in samples {
            html += "<pre><code class=\"language-\(language)\">"
            html += SyntaxHighlighter.highlight(code, language: language)
            html += "</code></pre>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    @Test func samplePageMatchesGolden() throws {
        try GoldenFile.check(Self.page(), named: "highlighting.html")
    }
}
