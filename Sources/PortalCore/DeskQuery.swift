/// The filters of "Coda ticket", the operators' queue. It travels as a query string, is
/// remembered per operator, and is turned into SQL with bound values only by the store.
public struct DeskQuery: FilterQuery, Sendable, Equatable {
    /// "Stato": the open tickets (the default), all of them, or one status.
    public enum State: Sendable, Equatable {
        case open, any
        case only(TicketStatus)

        public var value: String {
            switch self {
            case .open: "aperti"
            case .any: "qualsiasi"
            case .only(let status): status.rawValue
            }
        }

        /// Whether a ticket of `status` passes this "Stato".
        public func keeps(_ status: TicketStatus) -> Bool {
            switch self {
            case .any: true
            case .open: !status.isClosed
            case .only(let only): status == only
            }
        }

        init?(_ value: String) {
            switch value {
            case "aperti": self = .open
            case "qualsiasi": self = .any
            default:
                guard let status = TicketStatus(rawValue: value) else { return nil }
                self = .only(status)
            }
        }
    }

    /// "Assegnato a": anyone, the operator looking ("Me"), nobody ("Nessuno"), one operator.
    public enum Assignee: Sendable, Equatable {
        case anyone, me, nobody
        case operatorID(Int64)

        public var value: String {
            switch self {
            case .anyone: "qualsiasi"
            case .me: "me"
            case .nobody: "nessuno"
            case .operatorID(let id): String(id)
            }
        }

        init?(_ value: String) {
            switch value {
            case "qualsiasi": self = .anyone
            case "me": self = .me
            case "nessuno": self = .nobody
            default:
                guard let id = Int64(value), id > 0 else { return nil }
                self = .operatorID(id)
            }
        }
    }

    /// "Ordina per": open "Bloccante" and "Non assegnato" first then newest activity (the
    /// default), or the soonest deadline of "Tempi di risposta" first ("Scadenza").
    public enum Order: String, Sendable, Equatable, CaseIterable {
        case activity = "attivita"
        case due = "scadenza"
    }

    public var state: State = .open
    public var priority: Priority?
    /// "Azienda": part of the company's name, or its P.IVA.
    public var company = ""
    public var assignee: Assignee = .anyone
    public var area: RequestArea?
    public var type: RequestType?
    /// "Cerca": words of the title, of any message or note, or of the requester's name and e-mail.
    public var text = ""
    public var order: Order = .activity
    public var page = 1

    public init() {}

    public static let pageSize = 50

    /// Whether these filters hide some of the queue as it opens the first time (the order
    /// hides nothing).
    public var narrows: Bool {
        var filters = self
        filters.order = .activity
        filters.page = 1
        return filters != DeskQuery()
    }

    /// Reads one field of the queue's filter form (`FilterQuery`).
    public mutating func read(_ name: String, _ value: String) -> Bool {
        switch name {
        case "stato": FilterField.store(State(value)) { state = $0 }
        case "priorita": FilterField.choice(value, Priority.init(rawValue:)) { priority = $0 }
        case "azienda": FilterField.store(FilterField.text(value, limit: 100)) { company = $0 }
        case "assegnato": FilterField.store(Assignee(value)) { assignee = $0 }
        case "area": FilterField.choice(value, RequestArea.init(rawValue:)) { area = $0 }
        case "tipologia": FilterField.choice(value, RequestType.init(rawValue:)) { type = $0 }
        case "cerca": FilterField.store(FilterField.words(value, limit: 200)) { text = $0 }
        case "ordine": FilterField.store(Order(rawValue: value)) { order = $0 }
        case "pagina": FilterField.page(value) { page = $0 }
        default: true
        }
    }

    /// The query string of these filters (without the page unless asked for), percent-encoded.
    public func queryString(page: Int? = nil) -> String {
        var pairs: [(String, String)] = [
            ("stato", state.value), ("priorita", priority?.rawValue ?? "qualsiasi"), ("assegnato", assignee.value),
            ("area", area?.rawValue ?? "qualsiasi"), ("tipologia", type?.rawValue ?? "qualsiasi"),
        ]
        if !company.isEmpty { pairs.append(("azienda", company)) }
        if !text.isEmpty { pairs.append(("cerca", text)) }
        if order != .activity { pairs.append(("ordine", order.rawValue)) }
        if let page, page > 1 { pairs.append(("pagina", String(page))) }
        return pairs.map { "\($0.0)=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
    }

    /// The words of "Cerca" as an FTS5 query (`FilterField.searchExpression`).
    public func searchExpression(lastAsPrefix: Bool) -> String? {
        FilterField.searchExpression(text, lastAsPrefix: lastAsPrefix)
    }
}
