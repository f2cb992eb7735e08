using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Serve.Tests;

/// <summary>POST /api/ingest on its own server and database (ingest on, token, small body limit).</summary>
public sealed class IngestTests : IAsyncLifetime
{
    const string Token = "test-token-7f3a";
    readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-ingest-tests-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;
    HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        string url;
        (_app, url) = await ServerFixture.Start(new ParleyServerOptions
        {
            DbPath = Path.Combine(_dir, "ingest.db"), Port = 0, AllowIngest = true, Token = Token, MaxBodyBytes = 16 * 1024, MaxIngestItems = 3,
        });
        _http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    static readonly string Article = new JsonObject
    {
        ["id"] = "posted_summit_note",
        ["title"] = "Leaders agree to resume border commission",
        ["published"] = "2021-05-12",
        ["outlet"] = "Example Wire",
        ["text"] = "The presidents of the two neighbouring states agreed on Wednesday to resume the work of their joint border commission.\n\n" +
                   "Turkish President Recep Tayyip Erdogan said the commission would meet in Ankara next month. \"We want the work finished this year,\" he said.",
    }.ToJsonString();

    Task<HttpResponseMessage> Post(string body, string? token = Token, string contentType = "application/json")
    {
        var m = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (token is not null) m.Bearer(token);
        return _http.SendAsync(m);
    }

    static async Task<JsonNode> Problem(HttpResponseMessage res, HttpStatusCode status)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == status, $"expected {status}, got {res.StatusCode}: {body}");
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Ingest_stores_an_article_once_and_serves_it()
    {
        using var first = await Post(Article);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var r1 = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(1, r1.Int("inserted"));
        Assert.Equal("posted_summit_note", r1.Arr("items")[0].Str("id"));

        var a = JsonNode.Parse(await _http.GetStringAsync("/api/articles/posted_summit_note"))!;
        Assert.Equal("Leaders agree to resume border commission", a.Str("title"));
        Assert.Equal("2021-05-12", a.Str("published"));
        Assert.Contains("joint border commission", a.Str("text"));
        Assert.Contains(a.Arr("mentions"), m => m.Str("code") == "TURGOV" || m.Str("name")!.Contains("Erdo"));

        using var again = await Post(Article);
        var r2 = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(0, r2.Int("inserted"));
        Assert.Equal(1, r2.Int("unchanged"));

        var found = JsonNode.Parse(await _http.GetStringAsync("/api/articles?q=commission"))!;
        Assert.Equal(1, found.Int("total"));
    }

    [Fact]
    public async Task Ingest_takes_an_array_and_html()
    {
        var body = new JsonArray(
            new JsonObject { ["text"] = "Envoys from both capitals met in Oslo on Monday and agreed to exchange lists of detainees within a week." },
            new JsonObject { ["html"] = "<html><head><title>Ministers open talks</title></head><body><article><h1>Ministers open talks</h1><p>The foreign ministers of the two countries opened a new round of talks in Doha on Thursday, officials said.</p><p>Both delegations called the first session constructive and said they would meet again on Friday.</p></article></body></html>" }
        ).ToJsonString();
        using var res = await Post(body);
        var r = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.True(res.IsSuccessStatusCode, r.ToJsonString());
        Assert.Equal(2, r.Int("inserted"));
        var ids = r.Arr("items").Select(i => i.Str("id")!).ToList();
        Assert.All(ids, id => Assert.StartsWith("api-", id));
        var html = JsonNode.Parse(await _http.GetStringAsync("/api/articles/" + ids[1]))!;
        Assert.Equal("Ministers open talks", html.Str("title"));
        Assert.DoesNotContain("<p>", html.Str("text"));
    }

    [Fact]
    public async Task Ingest_needs_the_token()
    {
        using var none = await Post(Article, token: null);
        await Problem(none, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        using var wrong = await Post(Article, token: "not-the-token");
        await Problem(wrong, HttpStatusCode.Forbidden);
        var list = JsonNode.Parse(await _http.GetStringAsync("/api/articles"))!;
        Assert.Equal(0, list.Int("total"));
    }

    [Theory]
    [InlineData("{\"title\":\"no text\"}", "body[0].text")]
    [InlineData("[{\"text\":\"fine text here\"},{\"text\":\"x\",\"color\":\"red\"}]", "body[1].color")]
    [InlineData("{\"text\":\"some text\",\"published\":\"not a date\"}", "body[0].published")]
    [InlineData("{\"text\":42}", "body[0].text")]
    [InlineData("{\"text\":\"a\",\"html\":\"<p>b</p>\"}", "body[0].html")]
    [InlineData("{\"text\": \"unterminated", "body")]
    [InlineData("[]", "body")]
    [InlineData("[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"},{\"text\":\"d\"}]", "body")]
    [InlineData("\"just a string\"", "body")]
    public async Task Bad_bodies_are_400_naming_the_field(string body, string parameter)
    {
        using var res = await Post(body);
        var problem = await Problem(res, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.Str("parameter"));
        var list = JsonNode.Parse(await _http.GetStringAsync("/api/articles"))!;
        Assert.Equal(0, list.Int("total")); // nothing stored from a rejected request
    }

    [Fact]
    public async Task Too_large_bodies_are_413_with_or_without_a_length()
    {
        // Expect: 100-continue, so the client waits for the server's answer before sending a body it will refuse.
        var big = new JsonObject { ["text"] = new string('a', 20_000) }.ToJsonString();
        var sized = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent(big, Encoding.UTF8, "application/json") }.Bearer(Token);
        sized.Headers.ExpectContinue = true;
        using (var res = await _http.SendAsync(sized))
            await Problem(res, HttpStatusCode.RequestEntityTooLarge);

        // no Content-Length: the server stops reading at the limit
        var justOver = new JsonObject { ["text"] = new string('a', 16 * 1024) }.ToJsonString();
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(justOver))),
        }.Bearer(Token);
        chunked.Content!.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.ExpectContinue = true;
        using (var res = await _http.SendAsync(chunked))
            await Problem(res, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Non_json_is_415()
    {
        using var res = await Post("text=hello", contentType: "application/x-www-form-urlencoded");
        await Problem(res, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Ingest_is_404_when_off()
    {
        var dir = Path.Combine(_dir, "off");
        Directory.CreateDirectory(dir);
        var (app, url) = await ServerFixture.Start(new ParleyServerOptions { DbPath = Path.Combine(dir, "off.db"), Port = 0 });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var m = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent(Article, Encoding.UTF8, "application/json") }.Bearer(Token);
            using var res = await http.SendAsync(m);
            await Problem(res, HttpStatusCode.NotFound);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Ingest_without_a_token_does_not_start()
    {
        var ex = Assert.Throws<ArgumentException>(() => ParleyServer.Build(new ParleyServerOptions { DbPath = Path.Combine(_dir, "x.db"), AllowIngest = true }));
        Assert.Contains("token", ex.Message);
    }
}
