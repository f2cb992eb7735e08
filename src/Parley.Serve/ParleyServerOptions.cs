namespace Parley.Serve;

/// <summary>How <see cref="ParleyServer.Build"/> sets up the app.</summary>
public sealed record ParleyServerOptions
{
    /// <summary>SQLite database the API reads (and ingest writes).</summary>
    public required string DbPath { get; init; }
    /// <summary>Address to bind: an IP address or "localhost". Loopback by default.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>TCP port; 0 picks a free one (see <see cref="ParleyServer.Urls"/> after start).</summary>
    public int Port { get; init; } = 5080;
    /// <summary>POST /api/ingest is on (it then needs <see cref="Token"/>).</summary>
    public bool AllowIngest { get; init; }
    /// <summary>Bearer token for ingest.</summary>
    public string? Token { get; init; }
    /// <summary>Largest request body accepted, in bytes (413 beyond).</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;
    /// <summary>Most articles in one ingest request.</summary>
    public int MaxIngestItems { get; init; } = 100;
    /// <summary>Largest page size of list endpoints.</summary>
    public int MaxPageSize { get; init; } = 200;
    /// <summary>The web UI folder; default: wwwroot next to the app's assemblies.</summary>
    public string? WebRoot { get; init; }
    /// <summary>Pipeline used by ingest; default: the shipped knowledge.</summary>
    public Parley.Pipeline.PipelineOptions? Pipeline { get; init; }
    /// <summary>Log requests and startup (the CLI); tests keep it quiet.</summary>
    public bool Verbose { get; init; }
}
