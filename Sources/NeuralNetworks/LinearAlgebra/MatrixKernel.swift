import BLAS

/// The matrix-product kernel dense layers use: pinned OpenBLAS, or a portable Swift loop.
///
/// Both compute row-major `C ← α·op(A)·op(B) + β·C` with BLAS semantics (β = 0
/// overwrites C, NaN included). They agree to rounding, not to the bit, so a
/// result is reproducible across machines for one kernel; `description` names the
/// kernel so a result cache can key on it.
public enum MatrixKernel: Hashable, Sendable, CustomStringConvertible {
    /// OpenBLAS with its kernel family pinned and one thread (see `OpenBLAS`).
    case openBLAS
    /// A straightforward Swift loop: the same bits on every machine, several times slower.
    case portable

    /// OpenBLAS when it loads and its pin takes on this machine, otherwise the portable kernel.
    public static var preferred: MatrixKernel { OpenBLAS.shared != nil ? .openBLAS : .portable }

    /// Whether this kernel can run here (`.portable` always can).
    public var isAvailable: Bool { self == .portable || OpenBLAS.shared != nil }

    /// "OpenBLAS 0.3.21 Haswell" or "portable Swift".
    public var description: String {
        switch self {
        case .openBLAS: OpenBLAS.shared?.description ?? "OpenBLAS (unavailable)"
        case .portable: "portable Swift"
        }
    }

    /// C (m×n) ← α·op(A)·op(B) + β·C, row-major; op(A) is m×k, op(B) is k×n.
    /// `.openBLAS` runs the portable loop when OpenBLAS is unavailable (see `isAvailable`).
    @inline(__always)
    func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        if self == .openBLAS, let blas = OpenBLAS.shared {
            blas.dgemm(
                CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            return
        }
        for i in 0..<m {
            let row = c + i * ldc
            if beta == 0 {
                row.update(repeating: 0, count: n)
            } else if beta != 1 {
                for j in 0..<n { row[j] *= beta }
            }
            for p in 0..<k {
                let factor = alpha * (transposeA ? a[p * lda + i] : a[i * lda + p])
                if transposeB {
                    for j in 0..<n { row[j] += factor * b[j * ldb + p] }
                } else {
                    let bRow = b + p * ldb
                    for j in 0..<n { row[j] += factor * bRow[j] }
                }
            }
        }
    }
}
