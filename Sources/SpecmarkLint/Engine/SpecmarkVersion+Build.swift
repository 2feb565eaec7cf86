import Foundation
public import SpecmarkContract

extension SpecmarkVersion {
    /// Which build of Specmark is running: the version, then the size and modification time of the executable.
    ///
    /// The caches are written by one build and trusted only by the same build. A development build that changes
    /// extraction or a rule without bumping ``current`` is another executable file, so it ignores what an older
    /// build stored instead of reusing it. When the executable cannot be found, the version alone stands.
    public static let build: String = {
        guard let executable = Bundle.main.executablePath,
            let info = FileReader.attributes(of: executable)
        else { return current }
        return "\(current)+\(info.size).\(info.modified)"
    }()
}
