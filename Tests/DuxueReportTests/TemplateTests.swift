import Testing

@testable import DuxueReport

/// The pages' templates parse, and never show a value unescaped (`{{{x}}}`, `{{&x}}`).
@Suite("HTML templates")
struct TemplateTests {
    @Test(arguments: [("compare", CompareTemplate.page), ("review", ReviewTemplate.page)])
    func parsesAndEscapesEveryValue(name: String, template: HTMLTemplate) {
        #expect(template.isValid, "\(name)")
        for text in [template.text] + Array(template.partials.values) {
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name)")
        }
        #expect(!HTMLTemplate("{{#open}}never closed").isValid)
        #expect(HTMLTemplate("<p>{{name}}</p>").render(["name": "<b>\"&'"]) == "<p>&lt;b&gt;&quot;&amp;&#39;</p>")
    }
}
