import AfterwordCore
import Foundation
import Testing

@Suite struct BoardAddressTests {
    @Test(
        "careers pages and API addresses of the three providers are recognised",
        arguments: [
            ("https://boards.greenhouse.io/acme", BoardProvider.greenhouse, "acme"),
            ("https://job-boards.greenhouse.io/acme/jobs/4012001", .greenhouse, "acme"),
            ("https://boards.greenhouse.io/embed/job_board?for=acme", .greenhouse, "acme"),
            ("boards-api.greenhouse.io/v1/boards/acme/jobs?content=true", .greenhouse, "acme"),
            ("https://jobs.lever.co/globex", .lever, "globex"),
            ("https://jobs.lever.co/globex/5ac21346-8e0c-4494-8e7a-3eb92ff77902", .lever, "globex"),
            ("https://api.lever.co/v0/postings/globex?mode=json", .lever, "globex"),
            ("https://jobs.ashbyhq.com/initech", .ashby, "initech"),
            ("https://api.ashbyhq.com/posting-api/job-board/initech?includeCompensation=true", .ashby, "initech"),
        ])
    func recognised(url: String, provider: BoardProvider, token: String) throws {
        let address = try BoardAddress(recognizing: url)
        #expect(address == BoardAddress(provider: provider, token: token))
    }

    @Test("an address under a configured API base is recognised too")
    func configuredBase() throws {
        let address = try BoardAddress(
            recognizing: "http://127.0.0.1:8123/lever/globex?mode=json", bases: [.lever: "http://127.0.0.1:8123/lever"])
        #expect(address == BoardAddress(provider: .lever, token: "globex"))
    }

    @Test("providers sharing one configured base are told apart by their endpoints")
    func sharedBase() throws {
        let base = "http://127.0.0.1:8123"
        let bases: [BoardProvider: String] = [.greenhouse: base, .lever: base, .ashby: base]
        #expect(try BoardAddress(recognizing: "\(base)/acme/jobs", bases: bases).provider == .greenhouse)
        #expect(try BoardAddress(recognizing: "\(base)/globex?mode=json", bases: bases).provider == .lever)
        #expect(try BoardAddress(recognizing: "\(base)/initech", bases: bases).provider == .ashby)
    }

    @Test(
        "a board that is none of the three is refused in one line that says what to give",
        arguments: [
            "https://acme.com/careers", "https://www.linkedin.com/company/acme/jobs", "not a url",
            "https://jobs.lever.co/",
        ])
    func refused(url: String) {
        #expect {
            try BoardAddress(recognizing: url)
        } throws: { error in
            guard let error = error as? WatchError else { return false }
            return error.code == .unknownBoard && !error.message.contains("\n")
                && error.message.contains("https://boards.greenhouse.io/acme")
        }
    }

    @Test("the API address follows each provider's documented endpoint")
    func apiURLs() {
        #expect(
            BoardProvider.greenhouse.apiURL(base: BoardProvider.greenhouse.defaultBase, token: "acme")
                == "https://boards-api.greenhouse.io/v1/boards/acme/jobs")
        #expect(
            BoardProvider.lever.apiURL(base: BoardProvider.lever.defaultBase, token: "globex")
                == "https://api.lever.co/v0/postings/globex?mode=json")
        #expect(
            BoardProvider.ashby.apiURL(base: BoardProvider.ashby.defaultBase, token: "initech")
                == "https://api.ashbyhq.com/posting-api/job-board/initech")
    }

    @Test(
        "SmartRecruiters careers pages and API addresses are recognised",
        arguments: [
            ("https://jobs.smartrecruiters.com/VandelayIndustries", "VandelayIndustries"),
            ("https://jobs.smartrecruiters.com/VandelayIndustries/744000050000000-senior-backend-engineer", "VandelayIndustries"),
            ("careers.smartrecruiters.com/Acme", "Acme"),
            ("https://api.smartrecruiters.com/v1/companies/Acme/postings?limit=100&offset=0", "Acme"),
        ])
    func smartRecruiters(url: String, token: String) throws {
        #expect(try BoardAddress(recognizing: url) == BoardAddress(provider: .smartRecruiters, token: token))
    }

    @Test(
        "look-alikes of SmartRecruiters are not its boards",
        arguments: [
            "https://smartrecruiters.com.evil.example/acme", "https://jobs.smartrecruiters.com/",
            "https://jobs.smartrecruiters.com.evil.example/acme", "https://api.smartrecruiters.com/v2/companies/acme",
            "https://evil-smartrecruiters.com/acme", "ftp://jobs.smartrecruiters.com/acme", "javascript://jobs.lever.co/acme",
        ])
    func smartRecruitersLookAlikes(url: String) {
        #expect(throws: WatchError.self) { try BoardAddress(recognizing: url) }
    }

    @Test("every provider in the list recognises its own careers page and API address, and has its own name and setting")
    func everyProvider() throws {
        let all = BoardProvider.all
        #expect(Set(all.map(\.id)).count == all.count)
        #expect(Set(all.map(\.settingKey)).count == all.count)
        let base = "http://127.0.0.1:8123"
        let shared = Dictionary(uniqueKeysWithValues: all.map { ($0, base) })
        for provider in all {
            #expect(provider.isKnown && BoardProvider(id: provider.id) == provider)
            #expect(try BoardAddress(recognizing: provider.careersPage("acme")) == BoardAddress(provider: provider, token: "acme"))
            let api = provider.apiURL(base: provider.defaultBase, token: "acme")
            #expect(try BoardAddress(recognizing: api) == BoardAddress(provider: provider, token: "acme"))
            // Under one base shared by all, the endpoint's shape still tells the provider
            #expect(try BoardAddress(recognizing: provider.apiURL(base: base, token: "acme"), bases: shared).provider == provider)
        }
    }

    @Test("the refusal names every provider in the list")
    func refusalNamesAll() {
        #expect {
            try BoardAddress(recognizing: "https://acme.com/careers")
        } throws: { error in
            let message = (error as? WatchError)?.message ?? ""
            return message.contains("is not a Greenhouse, Lever, Ashby or SmartRecruiters job board")
                && BoardProvider.all.allSatisfy { message.contains($0.careersPage("acme")) }
        }
    }

    @Test("a stored name no provider has is kept as it is and reads nothing")
    func unknownName() {
        let unknown = BoardProvider(storedName: "workday")
        #expect(!unknown.isKnown && unknown.id == "workday" && BoardProvider(id: "workday") == nil)
        #expect(BoardProvider(storedName: "lever") == .lever)
        #expect(throws: WatchError.self) { try unknown.page(Data("[]".utf8), address: "") }
    }
}
