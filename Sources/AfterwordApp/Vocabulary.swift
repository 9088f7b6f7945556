import AfterwordDelivery
import AfterwordIntake
import AfterwordMove
import AfterwordPrint
import AfterwordWatch
import Foundation

// The command line and the web import this module alone: the domain's values come with it, and the few
// types of the layers below that a face shows or chooses from are named here. Stores, transports and
// parsers stay behind the workspace's methods.
@_exported import AfterwordCore

/// A note card's size (a2, a6, a7, half-letter).
public typealias NoteCardSize = NoteCard.Size
/// The paper a note card is printed on with cut marks (letter, a4).
public typealias NoteCardSheet = NoteCard.Sheet
/// How many boards are read at once, and how long and how much each may take.
public typealias BoardWatchLimits = BoardWatcher.Limits
/// What the mail server (or the sendmail program) made of a message.
public typealias DeliveryOutcome = AfterwordDelivery.DeliveryOutcome
/// What was read off a business card, field by field with a confidence.
public typealias ScannedCard = AfterwordIntake.ScannedCard
/// One field read off a business card, with how sure the reading is.
public typealias ScannedField = AfterwordIntake.ScannedField
/// A person as a card or an invite describes them, before they are an interviewer.
public typealias Contact = AfterwordIntake.Contact
/// What a column of a job list holds (the fields `import --csv --map` names), with its meaning in words.
public typealias TrackerField = AfterwordMove.TrackerField
/// The shape of a job tracker's CSV (`import --csv --preset`): its name and where such a file comes from.
public typealias TrackerPreset = AfterwordMove.TrackerPreset

extension Workspace {
    /// A file's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with a mark, else Windows-1252.
    public static func text(of data: Data) -> String {
        TextEncoding.text(of: data)
    }

    /// The fields of a business card's text (typed, pasted or read from a photo).
    public static func readCard(_ text: String) -> ScannedCard {
        CardTextReader.read(text)
    }
}
