import AfterwordCore
import Testing

@Suite struct PhoneAndEmailTests {
    @Test(
        "phones become E.164 when the country is known",
        arguments: [
            ("(212) 555-0123", "US", "+12125550123"), ("1-212-555-0123", "US", "+12125550123"),
            ("020 7946 0958", "GB", "+442079460958"), ("+49 30 1234567", "US", "+49301234567"),
            ("030 1234567", "DE", "+49301234567"), ("0044 20 7946 0958", "US", "+442079460958"),
        ])
    func e164(input: String, region: String, expected: String) {
        #expect(PhoneNumber.e164(input, region: region) == expected)
    }

    @Test("a number that cannot be placed is left as written")
    func unknown() {
        #expect(PhoneNumber.e164("555-0100", region: "US") == nil)
        #expect(PhoneNumber.e164("12345678", region: "ZZ") == nil)
    }

    @Test("e-mail syntax: IDN domains accepted, junk refused, only the domain lower-cased")
    func email() {
        #expect(EmailAddress.isPlausible("dana@acme.com"))
        #expect(EmailAddress.isPlausible("zoë@bücher.de"))
        #expect(EmailAddress.isPlausible("first.last+tag@sub.example.co.uk"))
        for bad in ["dana", "dana@", "@acme.com", "dana@acme", "da na@acme.com", "dana..x@acme.com", "dana@-acme.com"] {
            #expect(!EmailAddress.isPlausible(bad), "\(bad)")
        }
        #expect(EmailAddress.normalized("Dana.W@ACME.Com") == "Dana.W@acme.com")
    }
}
