import HuaweiCloudErrors
import Logging

extension Logger {
  /// Logs a Huawei Cloud error with its code, service, status, request id, category and retry
  /// advice as metadata.
  public func report(
    _ error: HuaweiCloudError, level: Logger.Level = .error, file: String = #fileID, function: String = #function,
    line: UInt = #line
  ) {
    log(
      level: level, "\(error)", metadata: error.logMetadata.mapValues { .string($0) }, file: file, function: function,
      line: line)
  }
}
