/// A trained 2-D classifier's prediction over a grid, with the data points, for a decision-boundary plot.
public struct DecisionBoundary: Hashable, Sendable {
    /// The plotted area: the data's bounding box widened by 10 % on each side.
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Cells across and up.
    public var columns: Int
    public var rows: Int
    /// The predicted class of each cell's centre, row by row from the bottom (smallest y), left to right.
    public var predictions: [Int]
    /// Training points as (x, y) pairs flattened, and their labels.
    public var trainPoints: [Double]
    public var trainLabels: [Int]
    /// Test points as (x, y) pairs flattened, and their labels.
    public var testPoints: [Double]
    public var testLabels: [Int]

    public init(
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int, predictions: [Int],
        trainPoints: [Double], trainLabels: [Int], testPoints: [Double], testLabels: [Int]
    ) {
        self.xRange = xRange
        self.yRange = yRange
        self.columns = columns
        self.rows = rows
        self.predictions = predictions
        self.trainPoints = trainPoints
        self.trainLabels = trainLabels
        self.testPoints = testPoints
        self.testLabels = testLabels
    }
}
