import PortalCrypto
import PortalHTTP

/// A redirect's parameter whose text the next page shows as the portal's own words (what
/// changed meanwhile, how many tickets went back to the queue): signed with the
/// installation's key for the person, the page and the notice it was made for, so that a
/// link made by someone else ("?cambiato=chiama subito il …"), or the words of one ticket
/// carried to another, show nothing. Fixed notices (`avviso=`) need no signature: they only
/// pick one of the catalogue's sentences.
enum SignedParameter {
    /// The query's name of the signature beside the value.
    static let signatureField = "firma"

    /// "?avviso=NOTICE&NAME=VALUE&firma=SIGNATURE" for the page at `path`, the value
    /// percent-encoded.
    static func query(
        path: String, notice: String, _ name: String, _ value: String, userID: Int64, _ services: Services
    ) -> String {
        "?avviso=" + urlEncode(notice) + "&" + name + "=" + urlEncode(value) + "&" + signatureField + "="
            + signature(path: path, notice: notice, name, value, userID: userID, services)
    }

    /// The parameter's value when its signature is this person's, for this page and notice;
    /// nil otherwise.
    static func value(_ name: String, in request: Request, userID: Int64, _ services: Services) -> String? {
        guard let value = request.query[name], let given = request.query[signatureField] else { return nil }
        let expected = signature(path: request.path, notice: request.query["avviso"] ?? "", name, value, userID: userID, services)
        return ConstantTime.equal(given, expected) ? value : nil
    }

    private static func signature(
        path: String, notice: String, _ name: String, _ value: String, userID: Int64, _ services: Services
    ) -> String {
        let message = "redirect\u{0}\(userID)\u{0}\(path)\u{0}\(notice)\u{0}\(name)\u{0}\(value)"
        return Base64URL.encode(Array(services.secretKey.authenticate(Array(message.utf8)).prefix(16)))
    }
}
