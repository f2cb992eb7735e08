using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Parley.Serve;

namespace Parley.Cli.Commands;

/// <summary>parley serve: the HTTP API and web UI over a store (with --demo: over the demo corpus, ingested first).</summary>
static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "SQLite database path (default: parley.db; with --demo: parley-demo.db in the temp folder)" };
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "address to bind (loopback by default)", DefaultValueFactory = _ => "127.0.0.1" };
        var demo = new Option<bool>("--demo") { Description = "ingest the bundled demo corpus into the database first (idempotent), then serve it" };
        var allowIngest = new Option<bool>("--allow-ingest") { Description = "turn on POST /api/ingest (needs --token or PARLEY_TOKEN)" };
        var token = new Option<string?>("--token") { Description = "bearer token for ingest (default: the PARLEY_TOKEN environment variable)" };
        var command = new Command("serve", "serve the JSON API (/api, OpenAPI at /openapi/v1.json) and the web UI over a database")
        {
            db, port, host, demo, allowIngest, token,
        };
        command.SetAction(parse =>
        {
            var useDemo = parse.GetValue(demo);
            var path = Path.GetFullPath(parse.GetValue(db)
                ?? (useDemo ? Path.Combine(Path.GetTempPath(), "parley-demo.db") : "parley.db"));
            if (useDemo)
            {
                if (!Directory.Exists(DemoCommand.CorpusDirectory))
                {
                    Console.Error.WriteLine($"parley serve: demo corpus not found at {DemoCommand.CorpusDirectory}");
                    return 2;
                }
                Console.Error.WriteLine($"parley serve: ingesting the demo corpus into {path} …");
                var options = CommonOptions.PipelineOptionsFrom(null, new FileInfo(DemoCommand.PublishedMap));
                IngestCommand.Ingest([DemoCommand.CorpusDirectory], path, options, Environment.ProcessorCount);
            }
            else if (!File.Exists(path))
            {
                Console.Error.WriteLine($"parley serve: no database at {path}.");
                Console.Error.WriteLine($"  build one with `parley demo --db {path}` or `parley ingest FILES --db {path}`, or run `parley serve --demo`.");
                return 2;
            }
            var allow = parse.GetValue(allowIngest);
            var secret = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("PARLEY_TOKEN");
            if (allow && string.IsNullOrWhiteSpace(secret))
            {
                Console.Error.WriteLine("parley serve: --allow-ingest needs a token: --token T or the PARLEY_TOKEN environment variable");
                return 2;
            }
            var app = ParleyServer.Build(new ParleyServerOptions
            {
                DbPath = path, Host = parse.GetValue(host)!, Port = parse.GetValue(port),
                AllowIngest = allow, Token = allow ? secret : null, Verbose = true,
            });
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"parley serve: cannot listen on {parse.GetValue(host)}:{parse.GetValue(port)}: {ex.Message}");
                return 2;
            }
            var url = ParleyServer.Urls(app).FirstOrDefault() ?? "?";
            Console.WriteLine($"Parley is serving {path}");
            Console.WriteLine($"  web UI   {url}/");
            Console.WriteLine($"  API      {url}/api/articles   (OpenAPI: {url}/openapi/v1.json)");
            Console.WriteLine($"  ingest   {(allow ? "on (POST /api/ingest, bearer token)" : "off")}");
            Console.WriteLine("Ctrl+C stops.");
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
