/// Every method the course teaches: the one table that the directive checker
/// resolves calls against, the engine runs and the formula tables render.
///
/// Each method is one file in `Methods/`, its spec beside its engine; this list is the
/// only place that names them all. Defaults and ranges are PyTorch 2.x's where PyTorch has the method.
public enum OptimizerCatalog {
    /// Every method, in the order the course introduces them; one line each.
    static let methods: [any OptimizerMethod.Type] = [
        SGD.self,
        Momentum.self,
        Nesterov.self,
        AdaGrad.self,
        RMSProp.self,
        Adadelta.self,
        Adam.self,
        AMSGrad.self,
        AdamW.self,
        SGDW.self,
        Adamax.self,
        NAdam.self,
        RAdam.self,
        LBFGS.self,
        Lookahead.self,
        SWATS.self,
        Newton.self,
        ASGD.self,
        Rprop.self,
        Lion.self,
        Yogi.self,
        ScheduleFreeAdamW.self,
        ScheduleFreeSGD.self,
        Adafactor.self,
        Muon.self,
        SparseAdam.self,
    ]

    /// Every method's spec, in catalog order.
    public static let all: [OptimizerSpec] = methods.map { $0.spec }

    /// The method called `callName` (`Adam`), or `nil`.
    public static func spec(callName: String) -> OptimizerSpec? {
        indexByCallName[callName].map { all[$0] }
    }

    /// Each call name's index in ``all``. The checker asks for every statement of a body
    /// whether it is an optimizer call; a linear search copied each spec it passed.
    private static let indexByCallName: [String: Int] =
        Dictionary(all.enumerated().map { ($1.callName, $0) }, uniquingKeysWith: { first, _ in first })

    /// The method with id `id` (`adam`, `adamW`), or `nil`.
    public static func spec(id: String) -> OptimizerSpec? {
        all.first { $0.id == id }
    }

    /// Every call name, in catalog order, for "did you mean" suggestions.
    public static var callNames: [String] { all.map(\.callName) }

    /// Every problem of `config`: an unknown method, or the method's own problems.
    public static func problems(in config: OptimizerConfig) -> [ConfigurationProblem] {
        guard let spec = config.spec else {
            return [ConfigurationProblem(argument: "", message: "unknown optimizer '\(config.callName)'")]
        }
        return spec.problems(in: config)
    }

    /// The engine of `config`'s method, made by the method's own factory; `nil` for an unknown call.
    static func makeEngine(_ config: OptimizerConfig, dimension: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        makeEngine(config, layout: .point(dimension), events: events)
    }

    /// The engine of `config`'s method on parameters split as `layout`.
    static func makeEngine(_ config: OptimizerConfig, layout: ParameterLayout, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        methods.first { $0.spec.callName == config.callName }?.makeEngine(config, layout: layout, events: events)
    }
}
