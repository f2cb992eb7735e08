namespace Parley.Cli.Tests;

/// <summary>Small articles written for these tests.</summary>
static class Fixtures
{
    public const string PlainArticle = """
        Breaking News

        Envoys Agree On Prisoner Exchange After Talks In Geneva

        Negotiators from both delegations met for a second day on Tuesday and settled the terms of an exchange of detainees.

        The chief mediator told reporters that the list of names had been checked by both sides. "We now have a text that both capitals can accept," she said.

        The exchange is expected to take place within two weeks, according to officials familiar with the plan.

        Subscribe to our newsletter
        """;

    public const string HtmlArticle = """
        <!doctype html>
        <html><head>
        <title>Foreign ministers open border talks | Example Herald</title>
        <meta property="og:site_name" content="Example Herald">
        <meta property="article:published_time" content="2021-03-04T09:30:00Z">
        </head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <article>
        <h1>Foreign ministers open border talks</h1>
        <p>The foreign ministers of the two neighbouring states opened a round of talks on the demarcation of their common border on Thursday, the first such meeting in three years.</p>
        <p>Both delegations described the atmosphere as constructive, and a joint commission is to report back to the ministers before the end of the month.</p>
        <p>Observers said the talks were a cautious step after a long period in which contacts between the two governments had been limited to technical matters.</p>
        </article>
        <footer>Copyright Example Herald. All rights reserved.</footer>
        </body></html>
        """;

    public static string JsonlLine(string id, string title, string date, string text) =>
        System.Text.Json.JsonSerializer.Serialize(new { id, title, date, outlet = "Example Wire", url = $"https://example.org/{id}", text });
}
