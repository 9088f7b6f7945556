import Mustache

/// The pages' Mustache templates, loaded once; every page inherits the layout.
///
/// `{{ }}` escapes HTML, so nothing a user typed can become markup.
struct Views: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in Self.templates {
            try library.register(MustacheTemplate(string: text), named: name)
        }
        self.library = library
    }

    /// The page `name` rendered with `values`.
    /// - Throws: ``WebError`` when a template cannot render (a bug, not the user's doing).
    func render(_ name: String, _ values: [String: Any]) throws -> String {
        guard let html = library.render(values, withTemplate: name) else {
            throw WebError(.internalServerError, "the page \(name) could not be drawn")
        }
        return html
    }

    static let templates: [String: String] = [
        "layout": layout, "today": today, "interviews": interviews, "interview": interview, "interviewer": interviewer,
        "draft": draft, "people": people, "settings": settings, "problem": problem, "csrf": csrf, "editor": editor,
        "findings": findings, "check": check, "openings": openings,
    ]

    static let csrf = #"<input type="hidden" name="csrf" value="{{csrf}}">"#

    /// The subject and the message with its marks: the draft page's and the check page's editor.
    static let editor = #"""
        {{#isEmail}}
        <div class="field wide"><label for="subject">Subject</label><input id="subject" name="subject" maxlength="300" value="{{subject}}" aria-describedby="subject-findings" {{#settled}}readonly{{/settled}}><small id="subject-findings" class="subject-findings">{{#subjectFindings}}<span class="finding {{severity}}">{{rule}}: {{message}}</span> {{/subjectFindings}}</small></div>
        {{/isEmail}}
        <div class="field wide">
        <label for="body">Message</label>
        <div class="editor">
        <div class="backdrop" aria-hidden="true"><div class="highlights" id="highlights">{{#segments}}{{#mark}}<mark class="{{severity}}" data-rule="{{rule}}" title="{{rule}}: {{message}}">{{text}}</mark>{{/mark}}{{^mark}}{{text}}{{/mark}}{{/segments}}</div></div>
        <textarea id="body" name="body" rows="14" maxlength="20000" spellcheck="true" aria-describedby="findings-h" {{#settled}}readonly{{/settled}}>
        {{body}}</textarea>
        </div>
        </div>
        """#

    /// The findings of the editor's text, updated as the user types.
    static let findings = #"""
        <section aria-labelledby="findings-h" aria-live="polite" id="findings-section">
        <h2 id="findings-h">Etiquette check</h2>
        <p id="findings-summary">{{summary}}</p>
        <ul id="findings" class="findings">
        {{#findings}}<li class="finding {{severity}}"><span class="rule">{{rule}}</span> <span class="severity">{{severity}}</span> <span class="where">{{where}}</span>{{#excerpt}} “<span class="excerpt">{{excerpt}}</span>”{{/excerpt}}: {{message}}</li>{{/findings}}
        </ul>
        </section>
        """#

    static let layout = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf" content="{{csrf}}">
        <title>{{pageTitle}} · Afterword</title>
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="top">
        <nav aria-label="Main">
        <a class="brand" href="/">Afterword</a>
        <a href="/" {{#navToday}}aria-current="page"{{/navToday}}>Today</a>
        <a href="/interviews" {{#navInterviews}}aria-current="page"{{/navInterviews}}>Interviews</a>
        <a href="/people" {{#navPeople}}aria-current="page"{{/navPeople}}>People</a>
        <a href="/openings" {{#navOpenings}}aria-current="page"{{/navOpenings}}>Openings</a>
        <a href="/check" {{#navCheck}}aria-current="page"{{/navCheck}}>Check</a>
        <a href="/settings" {{#navSettings}}aria-current="page"{{/navSettings}}>Settings</a>
        </nav>
        </header>
        <main id="main" tabindex="-1">
        {{#flash}}<p class="flash" role="status">{{flash}}</p>{{/flash}}
        {{#warning}}<p class="caution" role="alert">{{warning}}</p>{{/warning}}
        {{#error}}<div class="problem" role="alert"><strong>Not done:</strong> {{error}}</div>{{/error}}
        {{$content}}{{/content}}
        </main>
        </body>
        </html>
        """#

    static let today = #"""
        {{<layout}}{{$content}}
        <h1>Today</h1>
        {{#firstRun}}
        <section aria-labelledby="welcome-h" class="welcome">
        <h2 id="welcome-h">Welcome</h2>
        <p>Afterword helps you thank each interviewer the right way, once. To begin:</p>
        <ol>
        <li><a href="/settings">Set your name and e-mail</a>: your thank-yous are signed with your name and sent from your address.</li>
        <li><a href="/interviews#add">Record an interview</a> (or import its calendar invite), with who you met and what you discussed.</li>
        </ol>
        </section>
        {{/firstRun}}
        <section aria-labelledby="pending-h">
        <h2 id="pending-h">Needs a thank-you ({{pendingCount}})</h2>
        {{^pending}}<p>Nobody — all caught up.</p>{{/pending}}
        {{#hasPending}}
        <table class="rows">
        <thead><tr><th scope="col">Time left</th><th scope="col">Who</th><th scope="col">Interview</th><th scope="col">Channel</th><th scope="col">Next step</th></tr></thead>
        <tbody>
        {{#pending}}
        <tr class="{{#overdue}}overdue{{/overdue}}">
        <td data-label="Time left">{{urgency}}</td>
        <td data-label="Who"><a href="/interviewers/{{interviewerId}}">{{interviewer}}</a></td>
        <td data-label="Interview"><a href="/interviews/{{interviewId}}">{{company}} — {{role}}</a></td>
        <td data-label="Channel">{{channel}}</td>
        <td data-label="Next step">
        {{#draftId}}<a class="button" href="/drafts/{{draftId}}">Open draft #{{draftId}}</a>{{/draftId}}
        {{^draftId}}<form method="post" action="/interviews/{{interviewId}}/compose">{{>csrf}}<input type="hidden" name="interviewer" value="{{interviewerId}}"><button type="submit">Compose</button></form>{{/draftId}}
        {{#failed}}<span class="tag bad">last attempt failed</span>{{/failed}}
        {{#errors}}<span class="tag bad">breaks {{errors}}</span>{{/errors}}
        {{#printedNotMailed}}<span class="tag">printed, not yet posted</span>{{/printedNotMailed}}
        </td>
        </tr>
        {{/pending}}
        </tbody>
        </table>
        {{#hiddenCount}}<p>{{hiddenCount}} more below these: <a href="/?all=1">show all {{pendingCount}}</a></p>{{/hiddenCount}}
        {{/hasPending}}
        </section>
        {{#hasUpcoming}}
        <section aria-labelledby="upcoming-h">
        <h2 id="upcoming-h">Upcoming</h2>
        <ul class="plain">{{#upcoming}}<li><a href="/interviews/{{interviewId}}">{{company}} — {{role}}</a> with {{interviewer}}: the thank-you is due after it ends ({{ends}})</li>{{/upcoming}}</ul>
        </section>
        {{/hasUpcoming}}
        {{#hasOpenings}}
        <section aria-labelledby="openings-h">
        <h2 id="openings-h">New openings where someone may remember you</h2>
        <ul class="plain">{{#openings}}<li><a href="/openings#opening-{{id}}">{{company}}: {{title}}</a>{{#location}} ({{location}}){{/location}} · {{#people}}{{name}}{{#thanked}}, thanked {{thanked}}{{/thanked}}; {{/people}}</li>{{/openings}}</ul>
        </section>
        {{/hasOpenings}}
        {{#hasWithoutInterviewers}}
        <section aria-labelledby="empty-h">
        <h2 id="empty-h">Interviews with no interviewers recorded</h2>
        <ul>{{#withoutInterviewers}}<li><a href="/interviews/{{id}}">{{company}} — {{role}}</a>: add who you met.</li>{{/withoutInterviewers}}</ul>
        </section>
        {{/hasWithoutInterviewers}}
        {{#hasInFlight}}
        <section aria-labelledby="flight-h">
        <h2 id="flight-h">On its way ({{inFlightCount}})</h2>
        <ul class="plain">
        {{#inFlight}}
        <li><span class="tag {{state}}">{{state}}</span> {{#when}}{{when}} · {{/when}}<a href="/drafts/{{draftId}}">{{interviewer}} — {{company}}</a> ({{channel}})
        {{#uncertain}}<div class="advice">It may have been delivered: look in your Sent folder, then say what you found on <a href="/drafts/{{draftId}}">the draft's page</a>.</div>{{/uncertain}}
        {{#overdueToLeave}}<div class="advice">{{overdueToLeave}}</div>{{/overdueToLeave}}
        </li>
        {{/inFlight}}
        </ul>
        </section>
        {{/hasInFlight}}
        <section aria-labelledby="sent-h">
        <h2 id="sent-h">Sent ({{sentCount}})</h2>
        {{^sent}}<p>Nothing yet.</p>{{/sent}}
        <ul class="plain">{{#sent}}<li>{{when}} · <a href="/drafts/{{draftId}}">{{interviewer}} — {{company}}, {{role}}</a> ({{channel}})</li>{{/sent}}</ul>
        {{#olderUnsent}}<p>{{olderUnsent}} older interviewer(s) never got a thank-you.</p>{{/olderUnsent}}
        </section>
        <p><a class="button" href="/interviews#add">Record an interview</a></p>
        {{/content}}{{/layout}}
        """#

    static let interviewFields = #"""
        <div class="field{{#errors.company}} invalid{{/errors.company}}"><label for="company">Company</label><input id="company" name="company" required maxlength="200" value="{{form.company}}" autocomplete="organization"{{#errors.company}} aria-invalid="true" aria-errormessage="company-error"{{/errors.company}}>{{#errors.company}}<small class="field-error" id="company-error">{{errors.company}}</small>{{/errors.company}}</div>
        <div class="field{{#errors.role}} invalid{{/errors.role}}"><label for="role">Role</label><input id="role" name="role" required maxlength="200" value="{{form.role}}"{{#errors.role}} aria-invalid="true" aria-errormessage="role-error"{{/errors.role}}>{{#errors.role}}<small class="field-error" id="role-error">{{errors.role}}</small>{{/errors.role}}</div>
        <div class="field{{#errors.at}} invalid{{/errors.at}}"><label for="at">When it started</label><input id="at" name="at" type="datetime-local" required value="{{form.at}}"{{#errors.at}} aria-invalid="true" aria-errormessage="at-error"{{/errors.at}}>{{#errors.at}}<small class="field-error" id="at-error">{{errors.at}}</small>{{/errors.at}}</div>
        <div class="field{{#errors.tz}} invalid{{/errors.tz}}"><label for="tz">Time zone</label><input id="tz" name="tz" maxlength="64" value="{{form.tz}}" placeholder="America/New_York" aria-describedby="tz-help"{{#errors.tz}} aria-invalid="true" aria-errormessage="tz-error"{{/errors.tz}}><small id="tz-help">The interview's time zone; blank uses yours from Settings.</small>{{#errors.tz}}<small class="field-error" id="tz-error">{{errors.tz}}</small>{{/errors.tz}}</div>
        <div class="field{{#errors.format}} invalid{{/errors.format}}"><label for="format">Format</label><select id="format" name="format"{{#errors.format}} aria-invalid="true" aria-errormessage="format-error"{{/errors.format}}>{{#formats}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{value}}</option>{{/formats}}</select>{{#errors.format}}<small class="field-error" id="format-error">{{errors.format}}</small>{{/errors.format}}</div>
        <div class="field{{#errors.duration}} invalid{{/errors.duration}}"><label for="duration">Minutes</label><input id="duration" name="duration" type="number" min="5" max="720" value="{{form.duration}}"{{#errors.duration}} aria-invalid="true" aria-errormessage="duration-error"{{/errors.duration}}>{{#errors.duration}}<small class="field-error" id="duration-error">{{errors.duration}}</small>{{/errors.duration}}</div>
        <div class="field wide"><label for="notes">What you discussed</label><textarea id="notes" name="notes" rows="4" maxlength="20000" aria-describedby="notes-help">
        {{form.notes}}</textarea><small id="notes-help">The specifics that make each thank-you personal.</small></div>
        <div class="field wide{{#errors.fit}} invalid{{/errors.fit}}"><label for="fit">What you bring (optional)</label><input id="fit" name="fit" maxlength="200" value="{{form.fit}}" placeholder="my five years running Kafka at scale" aria-describedby="fit-help"{{#errors.fit}} aria-invalid="true" aria-errormessage="fit-error"{{/errors.fit}}><small id="fit-help">One phrase; the draft links it to what you discussed.</small>{{#errors.fit}}<small class="field-error" id="fit-error">{{errors.fit}}</small>{{/errors.fit}}</div>
        """#

    static let interviews = #"""
        {{<layout}}{{$content}}
        <h1>Interviews</h1>
        {{^interviews}}<p>No interviews yet.</p>{{/interviews}}
        <ul class="plain">
        {{#interviews}}<li><a href="/interviews/{{id}}">{{company}} — {{role}}</a> · {{when}} · {{format}}{{#names}} · with {{names}}{{/names}}{{^names}} · no interviewers yet{{/names}}</li>{{/interviews}}
        </ul>
        <section aria-labelledby="add-h" id="add">
        <h2 id="add-h">Record an interview</h2>
        <form method="post" action="/interviews" class="grid">{{>csrf}}
        \#(interviewFields)
        <div class="actions"><button type="submit">Save the interview</button></div>
        </form>
        </section>
        <section aria-labelledby="ics-h">
        <h2 id="ics-h">Or import a calendar invite</h2>
        <form method="post" action="/interviews/import" enctype="multipart/form-data" class="grid">{{>csrf}}
        <div class="field wide"><label for="ics">Invite (.ics)</label><input id="ics" name="file" type="file" accept=".ics,text/calendar" required></div>
        <div class="field"><label for="ics-company">Company (if the invite does not say)</label><input id="ics-company" name="company" maxlength="200"></div>
        <div class="field"><label for="ics-role">Role (if the invite does not say)</label><input id="ics-role" name="role" maxlength="200"></div>
        <div class="actions"><button type="submit">Import</button></div>
        </form>
        </section>
        {{/content}}{{/layout}}
        """#

    static let interviewerFields = #"""
        <div class="field{{#personErrors.name}} invalid{{/personErrors.name}}"><label for="p-name">Name (exactly as on their card)</label><input id="p-name" name="name" required maxlength="200" value="{{person.name}}" autocomplete="off"{{#personErrors.name}} aria-invalid="true" aria-errormessage="p-name-error"{{/personErrors.name}}>{{#personErrors.name}}<small class="field-error" id="p-name-error">{{personErrors.name}}</small>{{/personErrors.name}}</div>
        <div class="field{{#personErrors.honorific}} invalid{{/personErrors.honorific}}"><label for="p-honorific">Honorific</label><input id="p-honorific" name="honorific" maxlength="12" value="{{person.honorific}}" placeholder="Ms." aria-describedby="p-honorific-help"{{#personErrors.honorific}} aria-invalid="true" aria-errormessage="p-honorific-error"{{/personErrors.honorific}}><small id="p-honorific-help">For a formal greeting: "Dear Ms. Whitfield,".</small>{{#personErrors.honorific}}<small class="field-error" id="p-honorific-error">{{personErrors.honorific}}</small>{{/personErrors.honorific}}</div>
        <div class="field"><label for="p-title">Title</label><input id="p-title" name="title" maxlength="200" value="{{person.title}}"></div>
        <div class="field{{#personErrors.email}} invalid{{/personErrors.email}}"><label for="p-email">E-mail</label><input id="p-email" name="email" type="email" maxlength="320" value="{{person.email}}" aria-describedby="p-email-help"{{#personErrors.email}} aria-invalid="true" aria-errormessage="p-email-error"{{/personErrors.email}}><small id="p-email-help">With an address the thank-you is an e-mail; without, a note card.</small>{{#personErrors.email}}<small class="field-error" id="p-email-error">{{personErrors.email}}</small>{{/personErrors.email}}</div>
        <div class="field"><label for="p-phone">Phone</label><input id="p-phone" name="phone" type="tel" maxlength="60" value="{{person.phone}}"></div>
        <div class="field"><label for="p-company">Company</label><input id="p-company" name="company" maxlength="200" value="{{person.company}}"></div>
        <div class="field wide"><label for="p-address">Postal address (one line each)</label><textarea id="p-address" name="address" rows="3" maxlength="1000">
        {{person.address}}</textarea></div>
        <div class="field wide"><label for="p-notes">What you talked about with them</label><textarea id="p-notes" name="notes" rows="3" maxlength="5000" aria-describedby="p-notes-help">
        {{person.notes}}</textarea><small id="p-notes-help">Only their thank-you uses these.</small></div>
        """#

    static let interview = #"""
        {{<layout}}{{$content}}
        <h1>{{interview.company}} — {{interview.role}}</h1>
        <p>{{interview.when}} · {{interview.format}} · {{interview.duration}} min</p>
        <section aria-labelledby="panel-h">
        <h2 id="panel-h">Who you met</h2>
        {{^panel}}<p>Nobody recorded yet: add each interviewer below.</p>{{/panel}}
        <ul class="plain">
        {{#panel}}
        <li><a href="/interviewers/{{id}}">{{name}}</a>{{#title}}, {{title}}{{/title}} → {{channel}}
        {{#draftId}} · <a href="/drafts/{{draftId}}">draft #{{draftId}}</a>{{/draftId}}{{#state}} · <span class="tag {{state}}">{{state}}</span>{{/state}}</li>
        {{/panel}}
        </ul>
        {{#hasPanel}}
        <form method="post" action="/interviews/{{interview.id}}/compose">{{>csrf}}<button type="submit">Compose the thank-yous</button></form>
        {{/hasPanel}}
        </section>
        <section aria-labelledby="addp-h">
        <h2 id="addp-h">Add an interviewer</h2>
        {{#scanned}}<p class="flash" role="status">Read from the card — check each field, then save. {{scanned}}</p>{{/scanned}}
        <form method="post" action="/interviews/{{interview.id}}/interviewers" class="grid">{{>csrf}}
        \#(interviewerFields)
        <div class="actions"><button type="submit">Add to the panel</button></div>
        </form>
        <form method="post" action="/interviews/{{interview.id}}/cards" enctype="multipart/form-data" class="grid">{{>csrf}}
        <div class="field wide"><label for="card">Or a business card: a vCard (.vcf), a photo (.png, .jpg) or its text (.txt)</label><input id="card" name="file" type="file" accept=".vcf,.vcard,text/vcard,image/png,image/jpeg,.txt,text/plain" required></div>
        <div class="actions"><button type="submit">Read the card</button></div>
        </form>
        </section>
        <section aria-labelledby="edit-h">
        <h2 id="edit-h">Edit the interview</h2>
        <form method="post" action="/interviews/{{interview.id}}" class="grid">{{>csrf}}
        \#(interviewFields)
        <div class="actions"><button type="submit">Save changes</button></div>
        </form>
        </section>
        <section aria-labelledby="iremove-h">
        <h2 id="iremove-h">Remove the interview</h2>
        <form method="post" action="/interviews/{{interview.id}}/remove">{{>csrf}}
        <p>Removes the interview and its drafts. Once a thank-you of it is in the ledger, the interview stays, so that nothing is ever sent twice.</p>
        <div class="actions"><button type="submit" class="danger">Remove this interview</button></div>
        </form>
        </section>
        {{/content}}{{/layout}}
        """#

    static let interviewer = #"""
        {{<layout}}{{$content}}
        <h1>{{personName}}</h1>
        <p>{{#person.title}}{{person.title}}, {{/person.title}}{{person.company}} → {{channel}}</p>
        <section aria-labelledby="hist-h">
        <h2 id="hist-h">Interviews and thank-yous</h2>
        <ul class="plain">
        {{#history}}<li><a href="/interviews/{{interviewId}}">{{company}} — {{role}}</a>, {{when}}{{#draftId}} · <a href="/drafts/{{draftId}}">draft #{{draftId}}</a>{{/draftId}}{{#sent}} · sent {{sent}}{{/sent}}{{#state}} · <span class="tag {{state}}">{{state}}</span>{{/state}}</li>{{/history}}
        </ul>
        </section>
        <section aria-labelledby="pedit-h">
        <h2 id="pedit-h">Correct their details</h2>
        <form method="post" action="/interviewers/{{person.id}}" class="grid">{{>csrf}}
        \#(interviewerFields)
        <div class="actions"><button type="submit">Save changes</button></div>
        </form>
        </section>
        <section aria-labelledby="premove-h">
        <h2 id="premove-h">Remove {{personName}}</h2>
        <form method="post" action="/interviewers/{{person.id}}/remove">{{>csrf}}
        <p>Removes them and their drafts. Once a message to them is in the ledger, they stay, so that nothing is ever sent twice.</p>
        <div class="actions"><button type="submit" class="danger">Remove</button></div>
        </form>
        </section>
        {{/content}}{{/layout}}
        """#

    static let draft = #"""
        {{<layout}}{{$content}}
        <h1>{{#reconnect}}Reconnect note{{/reconnect}}{{^reconnect}}Thank-you{{/reconnect}} to {{person}}</h1>
        <dl class="facts">
        <dt>Channel</dt><dd>{{channelName}}</dd>
        <dt>To</dt><dd>{{recipient}}</dd>
        <dt>Interview</dt><dd><a href="/interviews/{{interviewId}}">{{company}} — {{role}}</a></dd>
        {{#state}}<dt>Ledger</dt><dd><span class="tag {{state}}">{{state}}</span> {{stateNote}}</dd>{{/state}}
        </dl>
        <form method="post" action="/drafts/{{id}}" id="editor-form" data-check="/drafts/{{id}}/check">{{>csrf}}
        {{>editor}}
        {{^settled}}<div class="actions"><button type="submit" name="action" value="save">Save and check</button></div>{{/settled}}
        </form>
        {{>findings}}
        <section aria-labelledby="out-h">
        <h2 id="out-h">Send it, once</h2>
        {{#settled}}<p id="settled">{{settled}}</p>{{/settled}}
        {{^settled}}
        {{#isEmail}}
        <form method="post" action="/drafts/{{id}}/send" class="grid">{{>csrf}}
        <fieldset class="wide"><legend>When</legend>
        <label><input type="radio" name="when" value="business" checked> In {{person}}'s business hours (recommended)</label>
        <label><input type="radio" name="when" value="now"> Now</label>
        <label><input type="radio" name="when" value="at"> At <input name="at" type="datetime-local" aria-label="Send at"></label>
        </fieldset>
        <label class="wide"><input type="checkbox" name="anyway"> Send although the check has warnings (never with errors)</label>
        <div class="actions"><button type="submit">Send</button></div>
        </form>
        <form method="post" action="/drafts/{{id}}/eml">{{>csrf}}<button type="submit" class="secondary">Export .eml for my own mail program</button></form>
        {{/isEmail}}
        {{^isEmail}}
        <form method="post" action="/drafts/{{id}}/pdf" class="grid">{{>csrf}}
        <div class="field"><label for="card">Card size</label><select id="card" name="card">{{#cardSizes}}<option value="{{.}}">{{.}}</option>{{/cardSizes}}</select></div>
        <label class="wide"><input type="checkbox" name="envelope" checked> With the envelope page</label>
        <div class="actions"><button type="submit">Print the note (PDF)</button></div>
        </form>
        <form method="post" action="/drafts/{{id}}/mailed">{{>csrf}}<button type="submit" class="secondary">I posted it</button></form>
        {{/isEmail}}
        {{/settled}}
        {{#uncertain}}
        <form method="post" action="/drafts/{{id}}/resolve" class="inline">{{>csrf}}
        <p>Did it arrive? Look in your Sent folder.</p>
        <button type="submit" name="delivered" value="yes">It was sent</button>
        <button type="submit" name="delivered" value="no" class="secondary">It was not sent</button>
        </form>
        {{/uncertain}}
        </section>
        {{/content}}{{/layout}}
        """#

    static let check = #"""
        {{<layout}}{{$content}}
        <h1>Check any draft</h1>
        <p>Paste a thank-you written anywhere; it is checked against the same etiquette rules, and nothing is stored.</p>
        <form method="post" action="/check" id="editor-form" data-check="/check/live" class="grid">{{>csrf}}
        <div class="field"><label for="c-to">To (their name, as on their card)</label><input id="c-to" name="to" maxlength="200" value="{{to}}"></div>
        <div class="field"><label for="c-company">Company</label><input id="c-company" name="company" maxlength="200" value="{{company}}"></div>
        <div class="field"><label for="c-role">Role</label><input id="c-role" name="role" maxlength="200" value="{{role}}"></div>
        <div class="field"><label for="c-channel">Channel</label><select id="c-channel" name="channel">{{#channels}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/channels}}</select></div>
        {{>editor}}
        <div class="actions"><button type="submit">Check</button></div>
        </form>
        {{>findings}}
        {{/content}}{{/layout}}
        """#

    static let people = #"""
        {{<layout}}{{$content}}
        <h1>People</h1>
        {{^companies}}<p>Nobody yet. Add interviewers on an interview's page.</p>{{/companies}}
        {{#companies}}
        <section>
        <h2>{{name}}</h2>
        <ul class="plain">
        {{#people}}
        <li><a href="/interviewers/{{id}}">{{name}}</a>{{#title}}, {{title}}{{/title}}
        <ul>{{#history}}<li>{{role}} ({{when}}): {{#sent}}thank-you sent {{sent}} by {{transport}}{{/sent}}{{^sent}}{{#state}}{{state}}{{/state}}{{^state}}no thank-you yet{{/state}}{{/sent}}</li>{{/history}}</ul>
        </li>
        {{/people}}
        </ul>
        </section>
        {{/companies}}
        {{/content}}{{/layout}}
        """#

    static let settings = #"""
        {{<layout}}{{$content}}
        <h1>Settings</h1>
        <p>Stored in {{file}}. Passwords are never stored: give the name of an environment variable or a command that prints it.</p>
        <form method="post" action="/settings">{{>csrf}}
        {{#groups}}
        <fieldset class="grid" id="g-{{id}}"><legend>{{name}}</legend>
        {{#fields}}<div class="field{{#problem}} invalid{{/problem}}"><label for="k-{{key}}">{{key}}</label>
        {{#hasChoices}}<select id="k-{{key}}" name="{{key}}" aria-describedby="h-{{key}}{{#problem}} e-{{key}}{{/problem}}"{{#problem}} aria-invalid="true"{{/problem}}><option value="">{{#default}}default: {{default}}{{/default}}{{^default}}not set{{/default}}</option>{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/choices}}</select>{{/hasChoices}}
        {{^hasChoices}}{{#multiline}}<textarea id="k-{{key}}" name="{{key}}" rows="3" aria-describedby="h-{{key}}{{#problem}} e-{{key}}{{/problem}}"{{#problem}} aria-invalid="true"{{/problem}}>
        {{value}}</textarea>{{/multiline}}{{^multiline}}<input id="k-{{key}}" name="{{key}}" value="{{value}}"{{#default}} placeholder="{{default}}"{{/default}} aria-describedby="h-{{key}}{{#problem}} e-{{key}}{{/problem}}"{{#problem}} aria-invalid="true"{{/problem}}>{{/multiline}}{{/hasChoices}}
        <small id="h-{{key}}">{{help}}{{#defaultNote}} (default: {{defaultNote}}){{/defaultNote}}</small>{{#problem}}<small class="field-error" id="e-{{key}}">{{problem}}</small>{{/problem}}</div>{{/fields}}
        </fieldset>
        {{/groups}}
        <div class="actions"><button type="submit">Save settings</button></div>
        </form>
        <form method="post" action="/settings/test">{{>csrf}}
        <p>Try the Sending settings: a short message from you to yourself, sent the way your thank-yous leave (saved settings only).</p>
        <div class="actions"><button type="submit" class="secondary">Send a test e-mail to myself</button></div>
        </form>
        {{/content}}{{/layout}}
        """#

    static let problem = #"""
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        <p><a href="{{back}}">Go back</a></p>
        {{/content}}{{/layout}}
        """#
}
