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
            rows: figures.weeks.map { [Figure.label($0.monday.italianText), Figure.count($0.opened), Figure.count($0.closed)] },
            categories: figures.weeks.map { String($0.monday.italianText.prefix(5)) },
            series: [
                .init(name: Text.figuresOpened, column: 1, colour: Figures.opened),
                .init(name: Text.figuresClosed, column: 2, colour: Figures.closed),
            ])
    }

    static func byStatus(_ figures: TicketFigures) -> Figure {
        Figure(
            id: "stati", title: Text.figuresByStatus,
            description: Text.figuresOpenDescription(figures.openByStatus.reduce(0) { $0 + $1.count }),
            headings: [Text.deskState, Text.figuresStillOpen],
            rows: figures.openByStatus.map { [Figure.label($0.status.label), Figure.count($0.count)] },
            categories: figures.openByStatus.map { $0.status.label },
            series: [.init(name: Text.figuresStillOpen, column: 1, colour: Figures.opened)])
    }

    static func byArea(_ figures: TicketFigures) -> Figure {
        Figure(
            id: "aree", title: Text.figuresByArea,
            description: Text.figuresOpenDescription(figures.openByArea.reduce(0) { $0 + $1.count }),
            headings: [Text.deskArea, Text.figuresStillOpen],
            rows: figures.openByArea.map { [Figure.label($0.area.label), Figure.count($0.count)] },
            categories: figures.openByArea.map { $0.area.shortLabel },
            series: [.init(name: Text.figuresStillOpen, column: 1, colour: Figures.opened)])
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
