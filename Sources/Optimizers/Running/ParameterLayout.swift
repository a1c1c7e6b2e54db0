/// How a flat parameter vector splits into tensors: which slices are matrices (and of what
/// shape) and which are vectors, and what each one is in its model.
///
/// Element-wise methods never look at it; Adafactor factors its second moment over each
/// matrix's rows and columns, and Muon orthogonalises each matrix's update. A landscape's
/// point is one 1×n matrix (``point(_:)``): for Muon, orthogonalising a 1×2 matrix is
/// normalising it; for Adafactor, the factored moment of a 1×2 matrix is its per-coordinate moment.
/// A network's layer is its weight matrix, outputs × inputs row-major as `nn.Linear.weight`,
/// then its bias vector.
public struct ParameterLayout: Hashable, Sendable {
    /// One tensor: a slice of the flat vector, its shape and its role.
    public struct Tensor: Hashable, Sendable {
        public let offset: Int
        public let shape: Shape
        public let role: Role

        public init(offset: Int, shape: Shape, role: Role) {
            self.offset = offset
            self.shape = shape
            self.role = role
        }

        /// How many numbers the tensor holds.
        public var count: Int { shape.count }
        /// The tensor's slice of the flat vector.
        public var range: Range<Int> { offset..<offset + count }
    }

    public enum Shape: Hashable, Sendable {
        case vector(Int)
        /// Row-major: element (i, j) is at `offset + i·columns + j`.
        case matrix(rows: Int, columns: Int)

        public var count: Int {
            switch self {
            case .vector(let n): n
            case .matrix(let rows, let columns): rows * columns
            }
        }
    }

    /// What a tensor is in its model, for methods that treat tensors differently (Muon runs on
    /// the point and on hidden weight matrices, its `others` method on the rest).
    public enum Role: Hashable, Sendable {
        /// A landscape's point.
        case point
        /// The weight matrix of the first layer, which reads the input.
        case inputWeight
        /// The weight matrix of a layer between two hidden layers.
        case hiddenWeight
        /// The weight matrix of the last layer, which writes the output (also a network's only layer).
        case outputWeight
        case bias
        /// A batch normalisation's scale γ or shift β.
        case normalization
    }

    /// The tensors, in order, covering `0..<count` without gaps.
    public let tensors: [Tensor]
    /// The length of the flat vector.
    public let count: Int

    /// A layout from tensors that tile the flat vector in order; `nil` when they leave gaps or overlap.
    public init?(_ tensors: [Tensor]) {
        var offset = 0
        for tensor in tensors {
            guard tensor.offset == offset, tensor.count >= 0 else { return nil }
            offset += tensor.count
        }
        self.tensors = tensors
        count = offset
    }

    /// A landscape's point of `n` coordinates as one 1×n matrix.
    public static func point(_ n: Int) -> ParameterLayout {
        ParameterLayout([Tensor(offset: 0, shape: .matrix(rows: 1, columns: n), role: .point)])!
    }

    /// The same tensors packed one after another from offset 0 (a subset gathered into a scratch vector).
    static func packing(_ tensors: [Tensor]) -> ParameterLayout {
        var offset = 0
        let packed = tensors.map { tensor in
            defer { offset += tensor.count }
            return Tensor(offset: offset, shape: tensor.shape, role: tensor.role)
        }
        return ParameterLayout(packed)!
    }
}
