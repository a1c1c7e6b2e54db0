import Optimizers

/// What one optimizer's run produced: per-iteration loss, accuracy checkpoints, final figures. No wall times.
public struct TrainingResult: Hashable, Sendable {
    /// Why a run stopped before its last iteration.
    public enum Halt: Hashable, Sendable {
        /// The optimizer configuration was rejected by the catalog (messages from `OptimizerCatalog.problems`).
        case invalidConfiguration([String])
        /// The method needs second derivatives, which networks do not provide (Newton).
        case hessianUnavailable
    }

    public var label: String
    public var optimizer: OptimizerConfig
    /// The mini-batch loss (cross-entropy plus the L2 term) at the parameters before each step,
    /// as `loss.item()` in a PyTorch loop: one value per iteration run.
    public var trainingLoss: [Double]
    /// The learning rate of each step (the schedule's, or η throughout).
    public var learningRates: [Double]
    /// The total 2-norm of each step's mini-batch gradient (loss and L2 term) before any
    /// clipping, as `clip_grad_norm_` returns it: one value per iteration run, the last
    /// not finite when the run diverged on its gradient.
    public var gradientNorms: [Double]
    public var checkpoints: [TrainingCheckpoint]
    /// Mean cross-entropy over the whole training set at the end, without dropout or L2.
    public var finalTrainLoss: Double
    public var trainAccuracy: Double
    /// The final validation accuracy; nil when the experiment holds no validation set out.
    public var validationAccuracy: Double?
    public var testAccuracy: Double
    /// The 1-based iteration at which training stopped because its batch loss, or a parameter
    /// after its step, was not finite; nil when the run stayed finite. A diverged or halted run's
    /// final figures (`finalTrainLoss`, accuracies, decision boundary) are those of its last checkpoint.
    public var divergedAt: Int?
    public var halt: Halt?
    /// For 2-D datasets, the final network's decision regions.
    public var decisionBoundary: DecisionBoundary?
    /// Lookahead's synchronisation steps and SWATS's switch, as the optimizer reported them.
    public var syncSteps: [Int]
    public var switchedAt: Int?

    public init(
        label: String, optimizer: OptimizerConfig, trainingLoss: [Double], learningRates: [Double], gradientNorms: [Double] = [],
        checkpoints: [TrainingCheckpoint], finalTrainLoss: Double, trainAccuracy: Double, validationAccuracy: Double? = nil,
        testAccuracy: Double, divergedAt: Int? = nil, halt: Halt? = nil, decisionBoundary: DecisionBoundary? = nil,
        syncSteps: [Int] = [], switchedAt: Int? = nil
    ) {
        self.label = label
        self.optimizer = optimizer
        self.trainingLoss = trainingLoss
        self.learningRates = learningRates
        self.gradientNorms = gradientNorms
        self.checkpoints = checkpoints
        self.finalTrainLoss = finalTrainLoss
        self.trainAccuracy = trainAccuracy
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
        self.divergedAt = divergedAt
        self.halt = halt
        self.decisionBoundary = decisionBoundary
        self.syncSteps = syncSteps
        self.switchedAt = switchedAt
    }
}
