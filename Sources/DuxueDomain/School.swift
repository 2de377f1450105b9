/// School stages (学段) as the district's files name them.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    /// 幼儿园
    case kindergarten
    /// 小学
    case primary
    /// 初中
    case junior
    /// 高中
    case senior
    /// 九年一贯制
    case nineYear = "nine_year"
    /// 十二年一贯制
    case twelveYear = "twelve_year"
    /// 中职
    case vocational
    /// 特殊教育
    case special
    /// 其他
    case other

    /// The Chinese name used in files and reports.
    public var chineseName: String {
        switch self {
        case .kindergarten: "幼儿园"
        case .primary: "小学"
        case .junior: "初中"
        case .senior: "高中"
        case .nineYear: "九年一贯制"
        case .twelveYear: "十二年一贯制"
        case .vocational: "中职"
        case .special: "特殊教育"
        case .other: "其他"
        }
    }

    /// Orders by declaration order.
    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// A point on the map, in degrees.
public struct Coordinate: Hashable, Sendable, Codable {
    /// Latitude, −90…90.
    public let latitude: Double
    /// Longitude, −180…180.
    public let longitude: Double

    /// A validated coordinate; `nil` when out of range.
    public init?(latitude: Double, longitude: Double) {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine).
    public func kilometres(to other: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a = pow2(sin(dLat / 2)) + cos(latitude * radians) * cos(other.latitude * radians) * pow2(sin(dLon / 2))
        return 2 * 6371.0 * asin(min(1, a.squareRoot()))
    }
}

private func pow2(_ x: Double) -> Double { x * x }

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A school or kindergarten that needs a responsible inspector.
public struct School: Identifiable, Sendable, Hashable {
    /// A school's identifier (学校代码).
    public struct ID: TypedID {
        /// The code as written.
        public let rawValue: String
        /// Wraps a code without checking it.
        public init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }
    }

    /// Unique code.
    public var id: ID
    /// Name (学校名称).
    public var name: String
    /// Students enrolled (在校生数), ≥ 0.
    public var enrollment: Int
    /// Responsibility zone (责任区).
    public var zone: Zone
    /// Stage, if given.
    public var stage: Stage?
    /// The district's explicit large-school designation, overriding the enrollment threshold.
    public var largeDesignation: Bool?
    /// Location, if given.
    public var location: Coordinate?

    /// A school record.
    public init(
        id: ID, name: String, enrollment: Int, zone: Zone, stage: Stage? = nil,
        largeDesignation: Bool? = nil, location: Coordinate? = nil
    ) {
        self.id = id
        self.name = name
        self.enrollment = enrollment
        self.zone = zone
        self.stage = stage
        self.largeDesignation = largeDesignation
        self.location = location
    }

    /// Whether the school needs a dedicated inspector under the policy (1:1): it is large (by the
    /// district's designation, or by enrollment at or above the threshold) and the policy requires it.
    public func isLarge(under policy: Policy) -> Bool {
        policy.largeSchoolRule == .require && isLargeBySize(under: policy)
    }

    /// Whether the school counts as large (学生数较多), whatever the policy does with large schools.
    public func isLargeBySize(under policy: Policy) -> Bool {
        largeDesignation ?? (enrollment >= policy.largeSchoolEnrollment)
    }

    /// Whether the school counts as large only by the district's designation (含指定): designated large
    /// with an enrollment below the threshold.
    public func isDesignatedLargeBelowThreshold(under policy: Policy) -> Bool {
        largeDesignation == true && enrollment < policy.largeSchoolEnrollment
    }
}
