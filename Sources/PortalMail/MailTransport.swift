public protocol MailTransport {
    func send(_ message: MailMessage) throws
}
