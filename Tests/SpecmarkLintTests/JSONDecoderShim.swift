import Foundation

@testable import SpecmarkLint

enum JSONDecoderShim {
    static func decode(_ json: String) throws -> Baseline {
        try JSONDecoder().decode(Baseline.self, from: Data(json.utf8))
    }
}
