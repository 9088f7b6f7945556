// Calls, meetings and time together: a thank-you never asks for them.
extension Lexicons {
    static let callNouns = """
        call, calls, phone call, phone, phonecall, telephone, ring, buzz, video call, zoom, zoom call, teams call,
        facetime, skype, whatsapp, google meet, hangout, hangouts, conference call, quick call, phone chat, bell,
        tinkle, number, mobile, cell, cellphone, voice call, callback, telephonic, telephonically, catch up call
        """
    static let callVerbs = """
        call, phone, ring, dial, buzz, telephone, text, whatsapp, facetime, skype, zoom, reach, contact
        """
    /// Talking together.
    static let talk = """
        talk, speak, chat, discuss, connect, catch up, sync, converse, touch base, continue the conversation,
        continue our conversation, continue the discussion, continue our discussion, have a word, go over, run through,
        walk through, pick your brain, pick your brains, debrief
        """
    /// Meeting in person or online.
    static let meeting = """
        meet, meeting, coffee, lunch, breakfast, dinner, drink, drinks, tea, virtual coffee, meetup, get-together,
        session, follow up meeting, appointment, one on one, swing by, pop in, drop by, stop by, pop by, drop in,
        come by, catch up, meet up
        """
    static let timeSlot = """
        time, minutes, mins, min, slot, moment, availability, calendar, half hour, an hour, 15, 20, 30, 10, 5, few minutes,
        window, diary
        """
    /// Making time happen.
    static let arrange = """
        schedule, set up, setup, arrange, book, find, grab, organise, organize, plan, fix, line up, hop on, jump on,
        get on, hop on a, jump on a, squeeze in, carve out, pencil in, put something in, have, do, block, make time,
        free up, get together
        """
    static let available = """
        available, free, reachable, contactable
        """
}
