internal import BLAS

/// torch 2.15's `_zeropower_via_newtonschulz`, in the precision torch runs it: every matrix
/// stored in bfloat16, every product and sum computed in float32 and rounded back, as torch's
/// CPU kernels do for bfloat16 tensors. The products go through OpenBLAS's `sgemm` (bfloat16
/// values multiply exactly in float32, so only the order of a sum can differ from torch's
/// kernel); without OpenBLAS a portable loop sums in index order.
///
/// For a 1×n or n×1 matrix (a landscape's point) every sum has at most n terms of exact
/// products and gives torch's bits; for larger matrices an element may differ from torch's by
/// a few bfloat16 units where a float32 sum rounds differently (NewtonSchulzBoundTests holds each
/// entry within 2⁻⁶ of torch's on 32×64 and 100×100).
final class NewtonSchulz {
    private let a: Float, b: Float, c: Float
    private let steps: Int
    /// X (m×n), X·Xᵀ then (b A + c A²) (m×m), A² (m×m), and (b A + c A²)·X (m×n), m ≤ n.
    private var x: [Float], gram: [Float], square: [Float], product: [Float]

    /// Scratch for matrices of at most `capacity.matrix` elements whose shorter side squared is at most `capacity.gram`.
    init(coefficients: (Double, Double, Double), steps: Int, capacity: (matrix: Int, gram: Int)) {
        a = Float(coefficients.0)
        b = Float(coefficients.1)
        c = Float(coefficients.2)
        self.steps = steps
        x = [Float](repeating: 0, count: max(capacity.matrix, 1))
        product = x
        gram = [Float](repeating: 0, count: max(capacity.gram, 1))
        square = gram
    }

    /// Replaces the rows × columns matrix `u` (row-major doubles) by its orthogonalisation, the
    /// bfloat16 result widened exactly to doubles.
    func orthogonalize(_ u: UnsafeMutablePointer<Double>, rows: Int, columns: Int, eps: Double) {
        // torch transposes a tall matrix so that the Gram matrix is the small one.
        let transposed = rows > columns
        let m = transposed ? columns : rows, n = transposed ? rows : columns
        let count = m * n
        x.withUnsafeMutableBufferPointer { x in
            gram.withUnsafeMutableBufferPointer { gram in
                square.withUnsafeMutableBufferPointer { square in
                    product.withUnsafeMutableBufferPointer { product in
                        let x = x.baseAddress!, gram = gram.baseAddress!, square = square.baseAddress!, product = product.baseAddress!
                        for i in 0..<m {
                            for j in 0..<n {
                                // double → float → bfloat16, as c10 converts.
                                x[i * n + j] = Self.bfloat16(Float(transposed ? u[j * columns + i] : u[i * columns + j]))
                            }
                        }
                        var sum: Float = 0
                        for i in 0..<count { sum += x[i] * x[i] }
                        let norm = max(Self.bfloat16(sum.squareRoot()), Self.bfloat16(Float(eps)))
                        for i in 0..<count { x[i] = Self.bfloat16(x[i] / norm) }
                        for _ in 0..<steps {
                            // A = X Xᵀ, then b A + c A², then a X + (b A + c A²) X, each rounded as torch's addmm.
                            Self.multiply(m, m, n, x, transposeB: true, x, into: gram)
                            for i in 0..<m * m { gram[i] = Self.bfloat16(gram[i]) }
                            Self.multiply(m, m, m, gram, transposeB: false, gram, into: square)
                            for i in 0..<m * m { gram[i] = Self.bfloat16(b * gram[i] + c * square[i]) }
                            Self.multiply(m, n, m, gram, transposeB: false, x, into: product)
                            for i in 0..<count { x[i] = Self.bfloat16(a * x[i] + product[i]) }
                        }
                        for i in 0..<m {
                            for j in 0..<n {
                                let value = Double(x[i * n + j])
                                if transposed { u[j * columns + i] = value } else { u[i * columns + j] = value }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `c = a · b` (or `a · bᵀ`) for a p×k, b k×q (bᵀ q×k), all row-major floats, sums in float32.
    private static func multiply(
        _ p: Int, _ q: Int, _ k: Int, _ a: UnsafePointer<Float>, transposeB: Bool, _ b: UnsafePointer<Float>,
        into c: UnsafeMutablePointer<Float>
    ) {
        if let blas = OpenBLAS.shared {
            blas.sgemm(
                CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(p), Int32(q), Int32(k),
                1, a, Int32(k), b, Int32(transposeB ? k : q), 0, c, Int32(q))
            return
        }
        for i in 0..<p {
            for j in 0..<q {
                var sum: Float = 0
                for l in 0..<k { sum += a[i * k + l] * (transposeB ? b[j * k + l] : b[l * q + j]) }
                c[i * q + j] = sum
            }
        }
    }

    /// `value` rounded to bfloat16 (8 significant bits) to nearest, ties to even, as c10's
    /// `round_to_nearest_even`; NaN stays NaN.
    @inline(__always)
    static func bfloat16(_ value: Float) -> Float {
        if value.isNaN { return value }
        let bits = value.bitPattern
        let rounded = bits &+ (0x7FFF &+ ((bits >> 16) & 1))
        return Float(bitPattern: rounded & 0xFFFF_0000)
    }
}
