import PortalCore

/// The five charts of "Andamento", in the page's order, made from the period's figures.
enum Figures {
    static let opened = "#1f5fa8"
    static let closed = "#a34f00"

    static func all(_ figures: TicketFigures) -> [Figure] {
        [weeks(figures), byStatus(figures), byArea(figures), answerTimes(figures), shares(figures)]
    }

    static func weeks(_ figures: TicketFigures) -> Figure {
        let opened = figures.weeks.reduce(0) { $0 + $1.opened }, closed = figures.weeks.reduce(0) { $0 + $1.closed }
        return Figure(
            id: "settimane", title: Text.figuresWeeks, description: Text.figuresWeeksDescription(opened: opened, closed: closed),
            headings: [Text.figuresWeek, Text.figuresOpened, Text.figuresClosed],
            rows: figures.weeks.map { [Figure.label($0.firstDay.italianText), Figure.count($0.opened), Figure.count($0.closed)] },
            categories: figures.weeks.map { String($0.firstDay.italianText.prefix(5)) },
            series: [
                .init(name: Text.figuresOpened, column: 1, colour: Figures.opened),
                .init(name: Text.figuresClosed, column: 2, colour: Figures.closed),
            ])
    }

    static func byStatus(_ figures: TicketFigures) -> Figure {
        stillOpen(
            id: "stati", title: Text.figuresByStatus, heading: Text.deskState,
            figures.openByStatus.map { ($0.status.label, $0.status.label, $0.count) })
    }

    /// The areas by the queue's short names («Amministrativa»…) in the bars, the table and its
    /// CSV alike: the table's long names matched no bar.
    static func byArea(_ figures: TicketFigures) -> Figure {
        stillOpen(
            id: "aree", title: Text.figuresByArea, heading: Text.deskArea,
            figures.openByArea.map { ($0.area.shortLabel, $0.area.shortLabel, $0.count) })
    }

    /// The tickets of the period still open, one bar per group (a status, an area).
    static func stillOpen(id: String, title: String, heading: String, _ groups: [(label: String, short: String, count: Int)])
        -> Figure
    {
        Figure(
            id: id, title: title, description: Text.figuresOpenDescription(groups.reduce(0) { $0 + $1.count }),
            headings: [heading, Text.figuresStillOpen], rows: groups.map { [Figure.label($0.label), Figure.count($0.count)] },
            categories: groups.map(\.short), series: [.init(name: Text.figuresStillOpen, column: 1, colour: Figures.opened)])
    }

    static func answerTimes(_ figures: TicketFigures) -> Figure {
        Figure(
            id: "prima-risposta", title: Text.figuresAnswerTimes, description: Text.figuresAnswerTimesDescription,
            headings: [Text.priority, Text.figuresAnswered, Text.figuresMedianHours, Text.figuresPercentile90Hours],
            rows: figures.answerTimes.map {
                [Figure.label($0.priority.label), Figure.count($0.answered), Figure.hours($0.median), Figure.hours($0.percentile90)]
            },
            categories: figures.answerTimes.map { $0.priority.label },
            series: [
                .init(name: Text.figuresMedian, column: 2, colour: Figures.opened),
                .init(name: Text.figuresPercentile90, column: 3, colour: Figures.closed),
            ])
    }

    static func shares(_ figures: TicketFigures) -> Figure {
        var figure = Figure(
            id: "obiettivi", title: Text.figuresShares, description: Text.figuresSharesDescription,
            headings: [
                Text.priority, Text.figuresCounted + " (" + Text.targetFirstAnswer.lowercased() + ")", Text.figuresShareFirstAnswer,
                Text.figuresCounted + " (" + Text.targetResolution.lowercased() + ")", Text.figuresShareResolution,
            ],
            rows: figures.shares.map {
                [
                    Figure.label($0.priority.label), Figure.count($0.firstAnswerCounted), Figure.percent($0.firstAnswerPercent),
                    Figure.count($0.resolutionCounted), Figure.percent($0.resolutionPercent),
                ]
            },
            categories: figures.shares.map { $0.priority.label },
            series: [
                .init(name: Text.targetFirstAnswer, column: 2, colour: Figures.opened),
                .init(name: Text.targetResolution, column: 4, colour: Figures.closed),
            ])
        figure.scaleMaximum = 100
        return figure
    }
}
