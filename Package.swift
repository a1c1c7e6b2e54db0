// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "coursegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "coursegen", targets: ["coursegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev; only CourseMarkdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Diagnostics as values and their printer, whose carets line up by display width.
        .target(name: "CourseDiagnostics", dependencies: ["TextFormatting"]),
        // Bounded reads of regular files, and folders whose symbolic links may not lead out of them.
        .target(name: "FileAccess"),
        .testTarget(name: "FileAccessTests", dependencies: ["FileAccess", "CourseTestSupport"]),
        // How coursegen writes numbers, escapes text and measures it in terminal cells, for every module that does.
        .target(name: "TextFormatting"),
        .testTarget(name: "TextFormattingTests", dependencies: ["TextFormatting", "CourseTestSupport"]),
        // The words coursegen writes into pages, one catalog per language, and an author's overrides.
        .target(name: "Localization", dependencies: ["CourseDiagnostics", "TextFormatting", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "CourseDiagnostics", "CourseTestSupport"]),
        .target(name: "CourseMarkdown", dependencies: ["CCmarkGFM", "CourseDiagnostics", "TextFormatting"]),
        // references.bib: the BibTeX subset, LaTeX accents to Unicode, names, author–year disambiguation.
        .target(name: "Bibliography", dependencies: ["CourseDiagnostics"]),
        .testTarget(name: "BibliographyTests", dependencies: ["Bibliography", "CourseDiagnostics", "CourseTestSupport"]),
        .target(name: "MathML", dependencies: ["CourseDiagnostics", "TextFormatting"]),
        // The element-wise loops of Adam, SGD, RMSProp and AdaGrad on long vectors, in C with AVX2+FMA
        // versions chosen at run time; they give the same bits as the engines' readable Swift loops.
        .target(name: "COptimizerKernels"),
        // Pure numerics, no dependencies but those loops and OpenBLAS (Muon's Newton–Schulz products):
        // the optimizer catalog, its engine and the run loop.
        .target(name: "Optimizers", dependencies: ["COptimizerKernels", "BLAS"]),
        .testTarget(name: "OptimizersTests", dependencies: ["Optimizers", "CourseTestSupport"], exclude: ["Fixtures"]),
        // OpenBLAS from Debian's libopenblas-dev, header only: NeuralNetworks dlopens the library after
        // pinning OPENBLAS_CORETYPE (see Sources/NeuralNetworks/LinearAlgebra/OpenBLAS.swift), so no pkgConfig/link.
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
        // OpenBLAS loaded once with its kernel pinned, for the networks' layers and Muon's orthogonalisation.
        .target(name: "BLAS", dependencies: ["COpenBLAS"]),
        // The worker pool a build runs its fences and their runs on.
        .target(name: "Scheduling"),
        .target(name: "NeuralNetworks", dependencies: ["Optimizers", "BLAS", "FileAccess", "Scheduling"], exclude: ["Datasets/NOTICE"]),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks", "Optimizers", "BLAS", "CourseTestSupport"], resources: [.copy("Fixtures")]),
        .executableTarget(name: "TrainingBenchmarks", dependencies: ["NeuralNetworks", "Optimizers", "BenchmarkSupport"], path: "Benchmarks/TrainingBenchmarks"),
        .target(name: "SyntaxHighlighting", dependencies: ["TextFormatting"]),
        .testTarget(name: "SyntaxHighlightingTests", dependencies: ["SyntaxHighlighting", "CourseTestSupport"]),
        .target(name: "Plotting", dependencies: ["TextFormatting"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "TextFormatting", "CourseTestSupport"]),
        // The functions experiments minimise, with no syntax in sight: the simplified expression graph
        // (formulas, symbolic derivatives, the Hessian, LaTeX), the autograd tape of the expression as
        // written (losses and gradients rounded as torch's autograd rounds them) and the built-in objectives.
        .target(name: "Objectives", dependencies: ["Optimizers"]),
        // Its tests write their functions as closures of the directive language, the notation the
        // built-ins and torch's reference fixture use, so they compile them with ExperimentLanguage.
        .testTarget(name: "ObjectivesTests", dependencies: ["Objectives", "ExperimentLanguage", "Optimizers", "CourseDiagnostics", "CourseTestSupport"]),
        .target(name: "ExperimentLanguage", dependencies: ["CourseDiagnostics", "Objectives", "Optimizers", "NeuralNetworks", "TextFormatting"]),
        .testTarget(name: "ExperimentLanguageTests", dependencies: ["ExperimentLanguage", "Objectives", "Optimizers", "NeuralNetworks", "CourseDiagnostics", "CourseTestSupport"]),
        .executableTarget(name: "LanguageBenchmarks", dependencies: ["ExperimentLanguage", "Objectives", "Optimizers", "CourseDiagnostics", "BenchmarkSupport"], path: "Benchmarks/LanguageBenchmarks"),
        .target(name: "Experiments", dependencies: ["ExperimentLanguage", "Objectives", "Optimizers", "CourseDiagnostics", "NeuralNetworks", "FileAccess", "TextFormatting", "Scheduling"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "ExperimentLanguage", "Objectives", "Optimizers", "NeuralNetworks", "CourseDiagnostics", "CourseTestSupport", "Scheduling"], exclude: ["Golden"]),
        .executableTarget(name: "OptimizerBenchmarks", dependencies: ["Optimizers", "ExperimentLanguage", "Objectives", "CourseDiagnostics", "BenchmarkSupport"], path: "Benchmarks/OptimizerBenchmarks"),
        .target(name: "ExperimentPages", dependencies: ["ExperimentLanguage", "Objectives", "Experiments", "NeuralNetworks", "Optimizers", "Plotting", "MathML", "SyntaxHighlighting", "TextFormatting", "Localization"]),
        .testTarget(name: "ExperimentPagesTests", dependencies: ["ExperimentPages", "Experiments", "ExperimentLanguage", "Objectives", "NeuralNetworks", "Optimizers", "CourseDiagnostics", "CourseTestSupport", "Localization"]),
        .executableTarget(name: "RenderBenchmarks", dependencies: ["ExperimentPages", "ExperimentLanguage", "Objectives", "Optimizers", "CourseDiagnostics", "BenchmarkSupport"], path: "Benchmarks/RenderBenchmarks"),
        .target(name: "CourseSite", dependencies: [
            "CourseMarkdown", "CourseDiagnostics", "MathML", "SyntaxHighlighting", "Bibliography",
            "ExperimentLanguage", "Experiments", "ExperimentPages", "FileAccess", "TextFormatting", "Localization", "Scheduling",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // `coursegen serve`: the live site in memory, the chapters folder's watcher, and the HTTP server.
        .target(name: "CourseServer", dependencies: [
            "CourseSite", "CourseDiagnostics", "FileAccess", "TextFormatting",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "CourseServerTests", dependencies: ["CourseServer", "CourseSite", "CourseTestSupport"]),
        .executableTarget(name: "ServeBenchmarks", dependencies: ["CourseServer", "CourseSite", "BenchmarkSupport"], path: "Benchmarks/ServeBenchmarks"),
        .executableTarget(name: "coursegen", dependencies: [
            "CourseServer", "CourseSite", "CourseDiagnostics", "ExperimentLanguage", "Experiments", "FileAccess", "Scheduling",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "SiteBenchmarks", dependencies: ["CourseSite", "BenchmarkSupport"], path: "Benchmarks/SiteBenchmarks"),
        .executableTarget(name: "CourseBuildBenchmarks", dependencies: ["CourseSite", "CourseDiagnostics", "Scheduling", "BenchmarkSupport"],
                          path: "Benchmarks/CourseBuildBenchmarks"),

        // The median-timing harness every benchmark executable reports with.
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
        .target(name: "CourseTestSupport", dependencies: ["CourseDiagnostics"], path: "Tests/CourseTestSupport"),
        .testTarget(name: "CourseDiagnosticsTests", dependencies: ["CourseDiagnostics", "TextFormatting", "CourseTestSupport"]),
        .testTarget(name: "CourseMarkdownTests", dependencies: ["CourseMarkdown", "CourseTestSupport"]),
        .testTarget(name: "MathMLTests", dependencies: ["MathML", "CourseTestSupport"]),
        .testTarget(name: "CourseSiteTests", dependencies: [
            "CourseSite", "CourseDiagnostics", "CourseTestSupport", "Experiments", "ExperimentLanguage", "Optimizers", "Localization", "ExperimentPages",
            "Scheduling",
        ], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CourseTestSupport"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
