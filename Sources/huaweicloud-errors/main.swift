import HuaweiCloudErrorsCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

var io = StandardIO()
let status = HuaweiCloudErrorsTool.run(Array(CommandLine.arguments.dropFirst()), io: &io)
io.flush()
exit(status)
