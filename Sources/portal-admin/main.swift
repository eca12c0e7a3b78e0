import Glibc
import PortalCore

Clock.useItalianTimeZone()
exit(AdminCLI.main(Array(CommandLine.arguments.dropFirst())))
