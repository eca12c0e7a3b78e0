import PortalCore
import PortalHTML

/// What `assets/drafts.js` needs on a ticket form (a new ticket, a reply): the limits to check
/// before sending and the words to say it in, from the catalogue. The script keeps a draft of
/// the form in the browser while typing and offers it back; without it nothing changes.
enum DraftForm {
    static let script = "/assets/drafts.js"

    /// A hidden element of the form that carries them: the same on every form, built once.
    static var config: Node {
        NodeMemo.node("draft-config") {
            el("div", [
                "hidden": "hidden", "class": "draft-config",
                "data-offer": Text.draftOffer, "data-restore": Text.draftRestore,
                "data-discard": Text.draftDiscard, "data-restored": Text.draftRestored,
                "data-max-file-size": String(Uploads.maxFileSize), "data-max-files": String(Uploads.maxFiles),
                "data-max-total": String(Uploads.maxFiles * Uploads.maxFileSize),
                "data-too-large": Text.fileTooLargeBeforeSending,
                "data-archive-too-large": Text.archiveTooLargeBeforeSending, "data-too-many": Text.tooManyFiles,
                "data-too-much": Text.filesTooLargeTogether,
                "data-too-long": Text.messageTooLong(limit: TicketForm.descriptionLimit),
            ])
        }
    }
}
