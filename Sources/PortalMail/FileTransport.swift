import Glibc
import PortalCore

/// Development delivery: one `.eml` file per message in a folder, written to a temporary
/// name and renamed, so a reader never sees half a message; a summary goes to stdout so
/// that whoever runs `make run` can read the codes and links in the terminal.
public struct FileTransport: MailTransport {
    public let directory: String
    public let echo: Bool

    public init(directory: String, echo: Bool = true) {
        self.directory = directory
        self.echo = echo
    }

    public func send(_ message: MailMessage) throws {
        mkdir(directory, 0o755)
        // The Message-ID (hexadecimal, or base64url) is safe in a file name.
        let sequence = String(message.sequence)
        let stem = String(repeating: "0", count: max(0, 10 - sequence.count)) + sequence
            + "-\(message.messageID.dropFirst().prefix(16))"
        // A message sent again (a restore's --resend-mail, a mailer killed after sending) is a
        // delivery of its own, as it is for an SMTP server: the first file stays.
        var name = stem + ".eml"
        var copy = 1
        while access(directory + "/" + name, F_OK) == 0 {
            copy += 1
            name = stem + "-\(copy).eml"
        }
        let path = directory + "/" + name
        let temporary = directory + "/." + name + ".tmp"
        let bytes = Array(try message.encoded().utf8)
        guard let file = fopen(temporary, "wb") else { throw MailError(description: "cannot write \(temporary)") }
        let written = fwrite(bytes, 1, bytes.count, file)
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw MailError(description: "cannot write \(path)")
        }
        if echo {
            let summary = """
                ----- e-mail \(path)
                To: \(message.to.joined(separator: ", "))\(message.replyTo.map { "\nReply-To: \($0)" } ?? "")
                Subject: \(message.subject)

                \(message.body)
                -----

                """
            // C `stdout` is not usable under Swift 6 concurrency checking; fd 1 is.
            _ = summary.withCString { write(1, $0, strlen($0)) }
        }
    }
}
