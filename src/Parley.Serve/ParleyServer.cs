using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.FileProviders;
using Parley.Pipeline;
using Parley.Serve.Api;

namespace Parley.Serve;

/// <summary>What endpoints share: options, the store pool and (for ingest) the pipeline.</summary>
sealed class ServerContext(ParleyServerOptions options, StorePool stores, Lazy<ArticlePipeline> pipeline)
{
    public ParleyServerOptions Options { get; } = options;
    public StorePool Stores { get; } = stores;
    public Lazy<ArticlePipeline> Pipeline { get; } = pipeline;
}

/// <summary>
/// parley serve: a JSON API (/api/..., OpenAPI at /openapi/v1.json) and the web UI (/) over one store.
/// Each resource maps its endpoints in its own file under Api/ (ArticlesEndpoints, QuotesEndpoints, ...).
/// </summary>
public static class ParleyServer
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The app, ready to <c>Run</c>/<c>StartAsync</c>. Opens the store (creating it if missing).</summary>
    public static WebApplication Build(ParleyServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AllowIngest && string.IsNullOrWhiteSpace(options.Token))
            throw new ArgumentException("ingest needs a token (--token or PARLEY_TOKEN)", nameof(options));
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), $"port {options.Port} is out of range");
        var address = options.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out var ip) ? ip
            : throw new ArgumentException($"host must be an IP address or localhost, got \"{options.Host}\"", nameof(options));

        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        if (options.Verbose) builder.Logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.Configure<JsonOptions>(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Parley API";
            doc.Info.Description = "Articles, quotes, events, actors, the actor network, a merged timeline, positions, negotiating formats and statistics from a Parley store. Errors are RFC 7807 problem+json; a 400 names the bad parameter.";
            return Task.CompletedTask;
        }));

        var stores = new StorePool(options.DbPath);
        var ctx = new ServerContext(options, stores,
            new Lazy<ArticlePipeline>(() => ArticlePipeline.Build(options.Pipeline), LazyThreadSafetyMode.ExecutionAndPublication));

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(stores.Dispose);

        app.Use(async (http, next) =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.XFrameOptions = "DENY";
            await next(http);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        else
        {
            app.MapGet("/", () => Results.Text($"Parley API is running; the web UI was not built (no {webRoot}). See /openapi/v1.json.\n"))
                .ExcludeFromDescription();
        }

        app.MapOpenApi("/openapi/{documentName}.json");

        var api = app.MapGroup("/api").AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (BadParameterException ex)
            {
                return Problems.BadParameter(ex.Parameter, ex.Message);
            }
        });
        ArticlesEndpoints.Map(api, ctx);
        QuotesEndpoints.Map(api, ctx);
        StatsEndpoints.Map(api, ctx);
        IngestEndpoints.Map(api, ctx);
        EventsEndpoints.Map(api, ctx);
        ActorsEndpoints.Map(api, ctx);
        NetworkEndpoints.Map(api, ctx);
        TimelineEndpoints.Map(api, ctx, new ClusterTimelineSource(stores));
        VocabEndpoints.Map(api, ctx);
        PositionsEndpoints.Map(api, ctx);
        ProcessesEndpoints.Map(api, ctx);
        return app;
    }

    /// <summary>The addresses the started app listens on (with the real port when 0 was asked).</summary>
    public static IReadOnlyList<string> Urls(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
