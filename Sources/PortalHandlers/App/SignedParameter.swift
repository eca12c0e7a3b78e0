import PortalCrypto
import PortalHTTP

/// A redirect's parameter whose text the next page shows as the portal's own words (what
/// changed meanwhile, how many tickets went back to the queue): signed with the
/// installation's key for the person it was made for, so that a link made by someone else
/// ("?cambiato=chiama subito il …") shows nothing. Fixed notices (`avviso=`) need no
/// signature: they only pick one of the catalogue's sentences.
enum SignedParameter {
    /// The query's name of the signature beside the value.
    static let signatureField = "firma"

    /// "&NAME=VALUE&firma=SIGNATURE", the value percent-encoded.
    static func query(_ name: String, _ value: String, userID: Int64, _ services: Services) -> String {
        "&" + name + "=" + urlEncode(value) + "&" + signatureField + "="
            + signature(name, value, userID: userID, services)
    }

    /// The parameter's value when its signature is this person's; nil otherwise.
    static func value(_ name: String, in request: Request, userID: Int64, _ services: Services) -> String? {
        guard let value = request.query[name], let given = request.query[signatureField] else { return nil }
        return ConstantTime.equal(given, signature(name, value, userID: userID, services)) ? value : nil
    }

    private static func signature(_ name: String, _ value: String, userID: Int64, _ services: Services) -> String {
        Base64URL.encode(Array(services.secretKey.authenticate(Array("redirect:\(userID):\(name):\(value)".utf8)).prefix(16)))
    }
}
