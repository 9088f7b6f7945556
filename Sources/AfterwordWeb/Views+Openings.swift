extension Views {
    /// The openings page: filters, each opening with who may remember you and the reconnect button, and the boards.
    static let openings = #"""
        {{<layout}}{{$content}}
        <h1>Openings</h1>
        <p>New roles on the job boards you watch, at companies you interviewed with, and the people there who may remember you.</p>
        <form method="get" action="/openings" class="filters" role="search">
        <div class="field"><label for="match">Title or company has</label><input id="match" name="match" maxlength="200" value="{{match}}" placeholder="engineer"></div>
        <div class="field"><label for="location">Location has</label><input id="location" name="location" maxlength="200" value="{{location}}" placeholder="remote"></div>
        <button type="submit">Filter</button>{{#filtered}} <a href="/openings">Show all</a>{{/filtered}}
        </form>
        {{^hasOpenings}}<p>{{#filtered}}No openings match; try fewer words.{{/filtered}}{{^filtered}}No openings seen yet. Watch a company's board with <code>afterword watch add COMPANY URL</code>; <code>afterword serve</code> reads the boards every few hours.{{/filtered}}</p>{{/hasOpenings}}
        {{#hasOpenings}}
        <ul class="plain openings">
        {{#openings}}
        <li class="opening" id="opening-{{id}}">
        <h2>{{company}}: {{#url}}<a href="{{url}}" rel="noopener noreferrer">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</h2>
        <p>{{#location}}{{location}} · {{/location}}first seen {{firstSeen}}{{#closed}} · <span class="tag">closed {{closed}}</span>{{/closed}}</p>
        {{^hasPeople}}<p>Nobody you met there is on record.</p>{{/hasPeople}}
        {{#hasPeople}}
        <ul class="people">
        {{#people}}
        <li><a href="/interviewers/{{id}}">{{name}}</a>, met {{met}} ({{role}});
        {{#thanked}}thank-you sent {{thanked}}{{/thanked}}{{^thanked}}{{#markedMet}}marked as met{{/markedMet}}{{^markedMet}}no thank-you sent{{/markedMet}}{{/thanked}}.
        {{#draftId}}<a class="button" href="/drafts/{{draftId}}">Open reconnect note #{{draftId}}</a>{{/draftId}}
        {{#canReconnect}}<form method="post" action="/openings/{{openingId}}/reconnect">{{>csrf}}<input type="hidden" name="interviewer" value="{{id}}"><button type="submit">Reconnect</button></form>{{/canReconnect}}
        {{#refusal}}<div class="advice">{{refusal}}</div>
        {{#needsMet}}<form method="post" action="/openings/{{openingId}}/reconnect">{{>csrf}}<input type="hidden" name="interviewer" value="{{id}}"><input type="hidden" name="met" value="yes"><button type="submit">I met them and thanked them another way: reconnect</button></form>{{/needsMet}}
        {{/refusal}}
        </li>
        {{/people}}
        </ul>
        {{/hasPeople}}
        </li>
        {{/openings}}
        </ul>
        {{/hasOpenings}}
        {{#hasBoards}}
        <section aria-labelledby="boards-h">
        <h2 id="boards-h">Boards watched</h2>
        <ul class="plain">{{#boards}}<li><a href="{{url}}" rel="noopener noreferrer">{{company}}</a>: {{#checked}}checked {{checked}}, {{open}} open{{/checked}}{{^checked}}not checked yet{{/checked}}{{#error}} · <span class="tag bad">{{error}}</span>{{/error}}</li>{{/boards}}</ul>
        </section>
        {{/hasBoards}}
        {{/content}}{{/layout}}
        """#
}
