@_exported import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS, loaded once with its kernel pinned, so matrix products give the same bits on every x86-64 machine with AVX2.
///
/// Debian's libopenblas is built with `DYNAMIC_ARCH`: when the library loads, its
/// constructor picks a kernel family from the CPU (on this Xeon 0.3.21 does not
/// recognise the model and falls back to the SSE3 "Prescott" kernels), and
/// different kernels sum in different orders, so products differ in their last
/// bits from machine to machine. The only knob is the `OPENBLAS_CORETYPE`
/// environment variable, read by that constructor. Setting it in `main` is too late
/// when the dynamic linker has already loaded the library, and re-executing the
/// process cannot be done from a library that test runners also load. So
/// coursegen does not link OpenBLAS at all (the COpenBLAS module map has no `link`
/// line): this type sets `OPENBLAS_CORETYPE=Haswell` and `OPENBLAS_NUM_THREADS=1`,
/// `dlopen`s `libopenblas.so.0`, restores the environment, and checks with
/// `openblas_get_corename` that the pin took (it cannot if something else in the
/// process loaded OpenBLAS first). Haswell's kernels (AVX2 + FMA) run on every
/// x86-64 CPU since 2013 and meet the speed target here; one thread keeps sums in a
/// fixed order. When the library is missing, the CPU lacks AVX2, or the pin did not
/// take, `load()` returns nil and `MatrixKernel` uses its portable Swift kernel,
/// which gives the same bits everywhere but is slower.
public struct OpenBLAS: Sendable {
    /// The kernel family OpenBLAS is pinned to.
    public static let pinnedCore = "Haswell"

    public let dgemm: coursegen_cblas_dgemm_t
    /// Single precision, for Muon's Newton–Schulz products of bfloat16 values (exact in float32).
    public let sgemm: coursegen_cblas_sgemm_t
    /// "OpenBLAS 0.3.21 Haswell", for result-cache keys and benchmark output.
    public let description: String

    /// The process-wide instance, loaded on first use; nil when OpenBLAS cannot be pinned here.
    public static let shared: OpenBLAS? = load()

    private static func load() -> OpenBLAS? {
        #if canImport(Glibc) && arch(x86_64)
        guard coursegen_cpu_has_avx2_fma() != 0 else { return nil }
        let handle = withEnvironment(["OPENBLAS_CORETYPE": pinnedCore, "OPENBLAS_NUM_THREADS": "1"]) {
            dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL)
        }
        guard let handle else { return nil }
        guard let dgemm = dlsym(handle, "cblas_dgemm"), let sgemm = dlsym(handle, "cblas_sgemm"),
            let setThreads = dlsym(handle, "openblas_set_num_threads"),
            let coreName = dlsym(handle, "openblas_get_corename"),
            let config = dlsym(handle, "openblas_get_config")
        else { return nil }
        unsafeBitCast(setThreads, to: coursegen_openblas_set_num_threads_t.self)(1)
        let core = unsafeBitCast(coreName, to: coursegen_openblas_get_corename_t.self)().map { String(cString: $0) }
        guard core == pinnedCore else { return nil }
        let configText = unsafeBitCast(config, to: coursegen_openblas_get_config_t.self)().map { String(cString: $0) } ?? ""
        // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH …": keep the name and version.
        let version = configText.split(separator: " ").prefix(2).joined(separator: " ")
        return OpenBLAS(
            dgemm: unsafeBitCast(dgemm, to: coursegen_cblas_dgemm_t.self),
            sgemm: unsafeBitCast(sgemm, to: coursegen_cblas_sgemm_t.self),
            description: "\(version.isEmpty ? "OpenBLAS" : version) \(pinnedCore)")
        #else
        return nil
        #endif
    }

    /// Runs `body` with `values` set in the environment, then restores what was there.
    private static func withEnvironment<T>(_ values: [String: String], _ body: () -> T) -> T {
        let names = values.keys.sorted()
        let saved = names.map { name in getenv(name).map { String(cString: $0) } }
        for name in names { setenv(name, values[name]!, 1) }
        defer {
            for (name, old) in zip(names, saved) {
                if let old { setenv(name, old, 1) } else { unsetenv(name) }
            }
        }
        return body()
    }
}
