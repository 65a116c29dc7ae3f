#if canImport(FoundationEssentials)
  import FoundationEssentials
#elseif canImport(Foundation)
  import Foundation
#endif

#if canImport(FoundationEssentials) || canImport(Foundation)
  extension HuaweiCloudError: LocalizedError {
    /// The message as received, else the documented message, else the status.
    public var errorDescription: String? {
      message ?? entry?.message ?? "HTTP \(status)"
    }

    /// The documented description of the error (of the row that fits it), or `nil` when it is
    /// not documented.
    public var failureReason: String? {
      documentedText?.description
    }

    /// The documented solution (of the row that fits), or `nil` when the error is not documented
    /// or its table has no solution column (CBC).
    public var recoverySuggestion: String? {
      documentedText?.solution
    }
  }

  extension HuaweiCloudError {
    /// The error a response carries, or `nil` when it is not an error; see
    /// ``init(status:headers:body:options:)``.
    public init?(status: Int, headers: [String: String], data: Data, options: ParsingOptions = ParsingOptions()) {
      self.init(status: status, headers: headers, body: data, options: options)
    }
  }
#endif
