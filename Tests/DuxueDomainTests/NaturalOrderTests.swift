import DuxueDomain
import Testing

/// Ids and zone names sort as people count: digits and Chinese numerals as numbers.
@Suite("Natural order")
struct NaturalOrderTests {
    @Test func digitsCountAsNumbers() {
        #expect(["S-10", "S-2", "S-1", "S-02b"].sorted { $0.naturalLess(than: $1) } == ["S-1", "S-2", "S-02b", "S-10"])
    }

    @Test func chineseNumeralsCountAsNumbers() {
        let zones = ["第三十一责任区", "第七责任区", "第十责任区", "第二责任区", "第四十四责任区", "第十九责任区", "第一百零五责任区", "第三责任区"]
        #expect(zones.sorted { $0.naturalLess(than: $1) } == [
            "第二责任区", "第三责任区", "第七责任区", "第十责任区", "第十九责任区", "第三十一责任区", "第四十四责任区", "第一百零五责任区",
        ])
    }

    @Test func otherTextComparesByCharacter() {
        #expect("东区".naturalLess(than: "西区") == ("东".unicodeScalars.first!.value < "西".unicodeScalars.first!.value))
        #expect("第二".naturalLess(than: "第二区"))
        #expect(!"第二区".naturalLess(than: "第二区"))
    }
}
