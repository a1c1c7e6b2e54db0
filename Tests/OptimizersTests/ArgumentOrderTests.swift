import Foundation
import Optimizers
import Testing

/// Holds every catalog method with a torch.optim class to that class's signature: its
/// labels, mapped to PyTorch's names, are a subsequence of the constructor's parameters in
/// order, so a directive reads as the torch call it replays. The fixture comes from
/// `tools/torch-signatures/generate.py` (`inspect.signature`).
@Suite struct ArgumentOrderTests {
    /// The torch.optim class of each method that has one. SGDW, Lookahead, SWATS, Newton, Lion
    /// and Yogi have none and keep their authors' order.
    static let torchClass: [String: String] = [
        "SGD": "SGD", "Momentum": "SGD", "Nesterov": "SGD", "AdaGrad": "Adagrad", "RMSProp": "RMSprop",
        "Adadelta": "Adadelta", "Adam": "Adam", "AMSGrad": "Adam", "AdamW": "AdamW", "Adamax": "Adamax",
        "NAdam": "NAdam", "RAdam": "RAdam", "LBFGS": "LBFGS", "ASGD": "ASGD", "Rprop": "Rprop",
        "Adafactor": "Adafactor", "Muon": "Muon", "SparseAdam": "SparseAdam",
        // The authors' package's classes (`schedulefree`), which the fixture holds beside torch's.
        "ScheduleFreeAdamW": "AdamWScheduleFreeReference", "ScheduleFreeSGD": "SGDScheduleFreeReference",
    ]
    /// Labels of coursegen's own, which no torch class has: Muon's optimizer of the other
    /// tensors and which weight matrices it takes (torch leaves both to the caller's param groups).
    static let coursegenOnly: Set<String> = ["Muon.others", "Muon.matrices"]
    /// Lion and Yogi follow their packages' signatures (lion-pytorch, pytorch-optimizer) instead.
    static let exempt: Set<String> = ["SGDW", "Lookahead", "SWATS", "Newton", "Lion", "Yogi"]

    /// A label's torch name: snake_case, and the two labels that torch spells differently.
    static func torchName(_ label: String) -> String {
        if label == "lineSearch" { return "line_search_fn" }
        if label == "adjustLR" { return "adjust_lr_fn" }
        // torch's ns_coefficients = (a, b, c) is three arguments here: the language's tuples are pairs.
        if ["nsA", "nsB", "nsC"].contains(label) { return "ns_coefficients" }
        return label.reduce(into: "") { name, c in
            if c.isUppercase { name += "_" + c.lowercased() } else { name.append(c) }
        }
    }

    struct Fixture: Decodable {
        struct Parameter: Decodable { let name: String; let `default`: String?; let keywordOnly: Bool }
        let torch: String
        let classes: [String: [Parameter]]
    }

    static let fixture: Fixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch-signatures.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Fixture.self, from: $0) }
    }()

    @Test func everyMethodIsMappedOrExempt() {
        for spec in OptimizerCatalog.all {
            #expect(Self.torchClass[spec.callName] != nil || Self.exempt.contains(spec.callName), "\(spec.callName)")
        }
    }

    @Test(arguments: OptimizerCatalog.all.filter { torchClass[$0.callName] != nil }.map(\.callName))
    func labelsFollowTorchsOrder(_ callName: String) throws {
        let fixture = try #require(Self.fixture, "Fixtures/torch-signatures.json is missing or unreadable")
        let spec = try #require(OptimizerCatalog.spec(callName: callName))
        let torchParameters = try #require(fixture.classes[Self.torchClass[callName]!]).map(\.name)
        var position = -1
        var previous = ""
        for label in spec.hyperparameters.map(\.name) where !Self.coursegenOnly.contains("\(callName).\(label)") {
            let name = Self.torchName(label)
            defer { previous = name }
            let index = try #require(
                torchParameters.firstIndex(of: name),
                "\(callName)'s \(label) has no torch parameter \(name) in \(torchParameters)")
            #expect(index > position || name == previous, "\(callName): \(label) comes before an argument torch declares ahead of it (\(torchParameters))")
            position = index
        }
    }

    @Test func labelsThatDefaultLikeTorchDefaultLikeTorch() throws {
        // Where coursegen departs from torch's default it says why in the catalog; the
        // departures are listed here so that a new one is a reviewed change.
        let departures: Set<String> = [
            "LBFGS.maxEval",  // torch: max_iter * 5 // 4 = 1 for max_iter = 1; coursegen: 25
            "AMSGrad.amsgrad",  // the method is Adam with amsgrad = True
            "Momentum.momentum", "Nesterov.momentum",  // SGD with momentum 0.9 (Nesterov: nesterov = True)
            "Adafactor.eps",  // torch: (None, 1e-3), None meaning the parameters' machine epsilon, 2⁻⁵² for doubles
            "Muon.nsA", "Muon.nsB", "Muon.nsC",  // each one element of torch's ns_coefficients tuple
            "Muon.adjustLR",  // torch: None, which means "original"
        ]
        let fixture = try #require(Self.fixture)
        for spec in OptimizerCatalog.all {
            guard let torchClass = Self.torchClass[spec.callName], let parameters = fixture.classes[torchClass] else { continue }
            for hyper in spec.hyperparameters {
                guard let torchDefault = parameters.first(where: { $0.name == Self.torchName(hyper.name) })?.default,
                      let value = hyper.defaultValue, !departures.contains("\(spec.callName).\(hyper.name)")
                else { continue }
                #expect(Self.matches(value, torchDefault), "\(spec.callName).\(hyper.name): \(value) against torch's \(torchDefault)")
            }
        }
    }

    /// Whether a catalog default equals torch's default written as Python source.
    static func matches(_ value: HyperValue, _ python: String) -> Bool {
        switch value {
        case .real(let x): return Double(python).map { abs($0 - x) <= 1e-15 * abs(x) } ?? false
        case .integer(let n): return Int(python) == n
        case .bool(let b): return python == (b ? "True" : "False")
        case .pair(let a, let b):
            let parts = python.trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",")
                .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            return parts == [a, b]
        case .choice(let c): return c == "none" ? python == "None" : python == "'\(c)'"
        default: return true
        }
    }
}
