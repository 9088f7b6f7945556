// What counts as a specific thing from the conversation, and what is the generic vocabulary of thank-yous.
extension Lexicons {
    /// Words that introduce what was talked about.
    static let topicMarker = """
        discussion of, discussing, discussed, talked about, talking about, talk about, conversation about,
        conversation on, learning about, learned about, learnt about, hearing about, heard about, hearing how,
        mentioned, mention of, especially, particularly, in particular, the part about, regarding, your work on,
        working on, walked me through, walking me through, showed me, showing me, described, explained, about,
        through, perspective on, view on, take on, thinking about, insight into, insights into, your point about,
        your insights on, your thoughts on, the story about, your description of, your explanation of, demo of,
        overview of, how your team, how you, your approach to, your plans for, the challenges of, approach to
        """
    /// Technologies and concrete things that make a note specific even in lower case.
    static let technology = """
        postgres, postgresql, mysql, sql, nosql, kafka, kubernetes, k8s, docker, terraform, aws, gcp, azure, react,
        swift, kotlin, java, python, rust, golang, javascript, typescript, graphql, rest, api, apis, microservices,
        microservice, migration, pipeline, pipelines, dashboard, dashboards, roadmap, launch, rollout, redesign,
        prototype, outage, incident, on-call, oncall, latency, caching, cache, sharding, database, databases,
        warehouse, etl, model, models, forecasting, churn, retention, onboarding, checkout, billing, payments,
        pricing, experiment, experiments, a/b, analytics, tableau, excel, salesforce, hubspot, figma, sketch,
        design system, accessibility, compliance, audit, budget, campaign, campaigns, curriculum, patients, clinic,
        ward, classroom, lesson, students, inventory, logistics, supply chain, warehouse, fleet, merger, acquisition,
        expansion, partnership, grant, fundraising, pilot, initiative, project, projects, product, products, platform,
        app, feature, features, release, sprint, architecture, infrastructure, security, testing, tests, ci, deploy,
        deployment, mentorship, mentoring, program, programme, hackathon, conference, podcast, book, article, paper
        """
    /// The words every thank-you uses; they never make a note specific on their own.
    static let generic = """
        the, a, an, and, or, of, to, in, on, for, with, about, your, my, our, their, you, me, we, us, it, this, that,
        these, those, how, what, why, is, are, was, were, be, at, as, by, more, much, so, very, really, all, its, his,
        her, them, company, companies, role, roles, position, positions, job, jobs, opportunity, opportunities, team,
        teams, culture, organization, organisation, work, working, everything, things, thing, business, department,
        mission, values, vision, goals, interview, interviews, process, day, future, people, office, firm, group,
        time, conversation, discussion, today, yesterday, great, wonderful, interesting, exciting, there, here, i,
        am, will, would, can, could, which, who, also, including, such, some, many, other, new, current,
        responsibilities, duties, expectations, environment, growth, skills, experience, background, next, steps,
        step, stage, round, hearing, back, from, forward, possibility, chance, contribution, contribute, fit,
        candidate, candidacy, application, potential, joining, join, role's, company's, team's, organization's,
        opening, vacancy, everyone, everybody, insight, insights, information, details, more, further, learning,
        meeting, speaking, talking, chatting, getting, know, today's, yesterday's, morning, afternoon, lovely, nice,
        good, excellent, amazing, fantastic, best, regards, sincerely, thank, thanks, dear, hello, hi, soon,
        again, once, ahead, forward, further, future, coming, weeks, week, days, possible, possibly, able, contact,
        hope, look, looking, excited, eager, keen, role, passion, passionate, enthusiasm, excitement, energy
        """
    static let calendar = """
        monday, tuesday, wednesday, thursday, friday, saturday, sunday, january, february, march, april, may, june,
        july, august, september, october, november, december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct,
        nov, dec, mon, tue, tues, wed, thu, thur, thurs, fri, sat, sun, today, tomorrow, yesterday, tonight
        """
    /// Words telling that something already happened ("thank you for the call").
    static let pastEvent = """
        was, were, had, did, yesterday, earlier, today's, yesterday's, our, last
        """
}

// Words the specific-detail rule asks about by name (``SpecificRule``).
extension Words {
    /// Marks that open a template's blank.
    static let openingBrackets: WordList = "<, [, {"
    /// The writer's own schooling and past, which do not make a note specific.
    static let background: WordList = """
        studied, study, studying, graduated, graduate, graduating, degree, degrees, alum, alumni, alumna, alumnus,
        university, college, school, major, majored, bootcamp, diploma, thesis, dissertation, coursework, semester,
        bachelor's, master's, bachelors, masters, phd, mba, internship, alma, years, experience, former, previous,
        employer, worked
        """
}
