#if canImport(FoundationEssentials)
  import FoundationEssentials
#elseif canImport(Foundation)
  import Foundation
#endif

#if canImport(FoundationEssentials) || canImport(Foundation)
  extension HuaweiCloudError: LocalizedError {
    /// The message as received, else the documented message, else the status: ``reason``.
    public var errorDescription: String? {
      reason
    }

    /// The documented description of the error (of the row that fits it), or `nil` when it is
    /// not documented or the table does not describe it.
    public var failureReason: String? {
      documentedRow?.description
    }

    /// The documented solution (of the row that fits), or `nil` when the error is not documented
    /// or its table has no solution for it (CBC has no solution column).
    public var recoverySuggestion: String? {
      documentedRow?.solution
    }
  }
#endif
