/// A service whose error table the catalog holds: how its codes look and what its Swift type is
/// called. Adding a service means adding it here, importing its page, and regenerating.
public struct ServiceDescriptor: Hashable, Sendable {
  /// The identifier used in file names, JSON, the CLI and the API (`iam`).
  public var identifier: String
  /// The service's name as the vendor writes it.
  public var title: String
  /// The generated enum's name (`IAMErrorCode`).
  public var enumName: String
  /// What every code of the service starts with (`IAM.`).
  public var codePrefix: String
  /// Whether bare numbers (IAM's `1100`) are codes of the service too.
  public var acceptsBareNumbers: Bool

  public static let organizations = ServiceDescriptor(
    identifier: "organizations", title: "Organizations", enumName: "OrganizationsErrorCode",
    codePrefix: "Organizations.", acceptsBareNumbers: false)
  public static let iam = ServiceDescriptor(
    identifier: "iam", title: "Identity and Access Management", enumName: "IAMErrorCode",
    codePrefix: "IAM.", acceptsBareNumbers: true)
  public static let projectman = ServiceDescriptor(
    identifier: "projectman", title: "CodeArts ProjectMan", enumName: "ProjectManErrorCode",
    codePrefix: "PM.", acceptsBareNumbers: false)
  public static let cbc = ServiceDescriptor(
    identifier: "cbc", title: "Partner Center (CBC)", enumName: "CBCErrorCode",
    codePrefix: "CBC.", acceptsBareNumbers: false)

  public static let apigw = ServiceDescriptor(
    identifier: "apigw", title: "API Gateway", enumName: "APIGWErrorCode", codePrefix: "APIGW.",
    acceptsBareNumbers: false)

  /// Every service, in the order the catalog lists them.
  public static let all: [ServiceDescriptor] = [organizations, iam, projectman, cbc, apigw]

  /// The service with this identifier, or `nil`.
  public static func named(_ identifier: String) -> ServiceDescriptor? {
    all.first { $0.identifier == identifier }
  }

  /// The catalog file's name in `Resources/`.
  public var fileName: String { "\(identifier).json" }

  /// Whether `code` has the shape of one of this service's codes: the prefix and digits.
  public func owns(code: String) -> Bool {
    let digits: Substring
    if code.hasPrefix(codePrefix) {
      digits = code.dropFirst(codePrefix.count)
    } else if acceptsBareNumbers {
      digits = code[...]
    } else {
      return false
    }
    return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }
}
