import Foundation
import BLAS
import Optimizers
import Testing

@testable import NeuralNetworks

@Suite struct MatrixKernelTests {
    @Test func openBLASIsPinnedAndLeavesTheEnvironmentAsItWas() {
        let before = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        let kernel = MatrixKernel.openBLAS
        // Where OpenBLAS cannot be pinned (no library, no AVX2) the portable kernel is the honest answer.
        if kernel.isAvailable {
            #expect(kernel.description.hasPrefix("OpenBLAS ") && kernel.description.hasSuffix(" \(OpenBLAS.pinnedCore)"))
            #expect(MatrixKernel.preferred == .openBLAS)
        } else {
            #expect(MatrixKernel.preferred == .portable)
        }
        #expect(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == before)
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func kernelsAgreeOnEveryTransposeWithBLASSemantics(_ transposeA: Bool, _ transposeB: Bool) {
        var generator = Xoshiro256StarStar(seed: 12)
        let (m, n, k) = (7, 5, 9)
        // Leading dimensions wider than the matrices, as BLAS allows.
        let (lda, ldb, ldc) = ((transposeA ? m : k) + 2, (transposeB ? k : n) + 1, n + 3)
        let a = (0..<(transposeA ? k : m) * lda).map { _ in generator.nextNormal() }
        let b = (0..<(transposeB ? n : k) * ldb).map { _ in generator.nextNormal() }
        let start = (0..<m * ldc).map { _ in generator.nextNormal() }
        func product(_ kernel: MatrixKernel, beta: Double, c: [Double]) -> [Double] {
            var c = c
            c.withUnsafeMutableBufferPointer { c in
                kernel.gemm(
                    transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5, a: a, lda: lda,
                    b: b, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: ldc)
            }
            return c
        }
        // The definition, entry by entry.
        var expected = start
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    sum += (transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j])
                }
                expected[i * ldc + j] = 0.5 * sum + 2 * start[i * ldc + j]
            }
        }
        for kernel in [MatrixKernel.preferred, .portable] {
            let c = product(kernel, beta: 2, c: start)
            let worst = zip(c, expected).map { abs($0 - $1) }.max()!
            #expect(worst <= 1e-13, "\(kernel): \(worst)")
            // β = 0 overwrites C, NaN included; the padding columns are untouched.
            let nan = product(kernel, beta: 0, c: [Double](repeating: .nan, count: m * ldc))
            #expect((0..<m).allSatisfy { i in (0..<n).allSatisfy { nan[i * ldc + $0].isFinite } })
            #expect(nan[ldc - 1].isNaN)
        }
    }
}
