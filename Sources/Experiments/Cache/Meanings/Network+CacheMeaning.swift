import NeuralNetworks

extension CacheMeaning {
    mutating func initialization(_ name: String, _ initialization: Initialization) {
        switch initialization {
        case .uniform(let a, let b): line(name, "uniform a \(Self.number(a)) b \(Self.number(b))")
        case .normal(let mean, let std): line(name, "normal mean \(Self.number(mean)) std \(Self.number(std))")
        case .constant(let value): line(name, "constant \(Self.number(value))")
        case .zeros: line(name, "zeros")
        case .ones: line(name, "ones")
        case .xavierUniform(let gain): line(name, "xavierUniform gain \(Self.number(gain))")
        case .xavierNormal(let gain): line(name, "xavierNormal gain \(Self.number(gain))")
        case .kaimingUniform(let a, let mode, let nonlinearity):
            line(name, "kaimingUniform a \(Self.number(a)) mode \(mode.rawValue) nonlinearity \(nonlinearity.rawValue)")
        case .kaimingNormal(let a, let mode, let nonlinearity):
            line(name, "kaimingNormal a \(Self.number(a)) mode \(mode.rawValue) nonlinearity \(nonlinearity.rawValue)")
        }
    }

    mutating func biasInitialization(_ name: String, _ initialization: BiasInitialization) {
        switch initialization {
        case .zeros: line(name, "zeros")
        case .constant(let value): line(name, "constant \(Self.number(value))")
        case .torchDefault: line(name, "torchDefault")
        }
    }

    /// The dataset's parameters; the files or embedded data behind it are the key's
    /// fingerprint line (``ResultCache/key(_:kernel:)-(TrainingStudy,_)``), which reads them.
    mutating func dataset(_ name: String, _ dataset: DatasetSource) {
        switch dataset {
        case .digits: line(name, "digits")
        case .spirals(let samplesPerClass, let classes, let noise):
            line(name, "spirals samplesPerClass \(samplesPerClass) classes \(classes) noise \(Self.number(noise))")
        case .moons(let samples, let noise): line(name, "moons samples \(samples) noise \(Self.number(noise))")
        case .blobs(let samples, let centers, let std):
            line(name, "blobs samples \(samples) centers \(centers) std \(Self.number(std))")
        // The folder's name is not the data: the fingerprint hashes its files.
        case .mnist: line(name, "mnist")
        }
    }
}
