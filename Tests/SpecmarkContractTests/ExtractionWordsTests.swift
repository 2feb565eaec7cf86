import Testing

@testable import SpecmarkContract

/// The byte paths for ASCII text give what the Character paths give for the same words.
@Suite struct ExtractionWordsTests {
    @Test func dollarWordsAreLowercasedRunsLedByADollar() {
        #expect(Extraction.dollarWords(in: "Use $Select, $top=5 and x$y or $") == ["$select", "$top", "$"])
        #expect(Extraction.dollarWords(in: "Use $Sélect and $TOP") == ["$sélect", "$top"])
        #expect(Extraction.dollarWords(in: "no dollars") == [])
    }

    @Test func requirednessReadsTheWordsInAnyCase() {
        #expect(Extraction.requiredness(of: "Required. The id.") == true)
        #expect(Extraction.requiredness(of: "The id; REQUIRED") == true)
        #expect(Extraction.requiredness(of: "Optional. The name.") == false)
        #expect(Extraction.requiredness(of: "This is required for apps") == nil)
        #expect(Extraction.requiredness(of: "Requis. Required.") == true)
        #expect(Extraction.requiredness(of: "Nom. optional") == false)
        #expect(Extraction.requiredness(of: "Nom é. Optional.") == false)
        #expect(Extraction.requiredness(of: "") == nil)
    }
}
