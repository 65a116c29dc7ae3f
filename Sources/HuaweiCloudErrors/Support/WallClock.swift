#if canImport(FoundationEssentials)
  import FoundationEssentials
#elseif canImport(Foundation)
  import Foundation
#endif

/// The wall-clock time, which an HTTP date is compared with.
enum WallClock {
  /// Seconds since 1970, or `nil` where no clock is at hand.
  static func secondsSince1970() -> Double? {
    #if canImport(FoundationEssentials) || canImport(Foundation)
      return Date().timeIntervalSince1970
    #else
      return nil
    #endif
  }
}
