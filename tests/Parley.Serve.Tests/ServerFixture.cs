using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Ingest.Sources;
using Parley.Pipeline;
using Parley.Store;

namespace Parley.Serve.Tests;

/// <summary>
/// One app on 127.0.0.1:0 over a temp database built from the demo corpus and <see cref="TestArticles"/>
/// (ingest off), shared by the API and browser tests.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public static readonly string DemoDir = Path.Combine(AppContext.BaseDirectory, "demo");
    readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-serve-tests-" + Guid.NewGuid().ToString("N"));
    WebApplication? _app;

    public string DbPath => Path.Combine(_dir, "test.db");
    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = null!;
    public int ArticleCount { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var pipeline = ArticlePipeline.Build(new PipelineOptions
        {
            PublishedByFile = PipelineOptions.ReadPublishedMap(Path.Combine(DemoDir, "published.tsv")),
        });
        using (var store = SqliteStore.Open(DbPath))
        {
            foreach (var doc in new InputReader().Read([Path.Combine(DemoDir, "corpus")]).Concat(TestArticles.All()))
                if (store.Add(pipeline.Process(doc)) == AddResult.Inserted) ArticleCount++;
        }
        (_app, BaseUrl) = await Start(new ParleyServerOptions { DbPath = DbPath, Port = 0 });
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public static async Task<(WebApplication, string)> Start(ParleyServerOptions options)
    {
        var app = ParleyServer.Build(options);
        await app.StartAsync();
        return (app, ParleyServer.Urls(app).Single().TrimEnd('/'));
    }

    public async Task<JsonNode> Json(string path)
    {
        using var res = await Http.GetAsync(path);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"GET {path}: {(int)res.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>GET that must fail with a problem+json of this status; returns the problem.</summary>
    public async Task<JsonNode> Problem(string path, int status)
    {
        using var res = await Http.GetAsync(path);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == status, $"GET {path}: expected {status}, got {(int)res.StatusCode} {body}");
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

static class JsonExtensions
{
    public static string? Str(this JsonNode? n, string key) => n?[key]?.GetValueKind() == JsonValueKind.String ? n[key]!.GetValue<string>() : null;
    public static int Int(this JsonNode? n, string key) => n![key]!.GetValue<int>();
    public static JsonArray Arr(this JsonNode? n, string key) => n![key]!.AsArray();
}

static class HttpExtensions
{
    public static HttpRequestMessage Bearer(this HttpRequestMessage m, string token)
    {
        m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return m;
    }
}
