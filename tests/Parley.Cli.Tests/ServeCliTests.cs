using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Parley.Cli.Tests;

public sealed class ServeCliTests
{
    [Fact]
    public void Serve_without_a_database_says_how_to_build_one()
    {
        using var dir = new TempDir();
        var r = ParleyProcess.Run(dir.Path, null, "serve", "--db", Path.Combine(dir.Path, "missing.db"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no database at", r.Stderr);
        Assert.Contains("parley serve --demo", r.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "missing.db")));
    }

    [Fact]
    public void Serve_allow_ingest_needs_a_token()
    {
        using var dir = new TempDir();
        var r = ParleyProcess.Run(dir.Path, null, "serve", "--demo", "--db", Path.Combine(dir.Path, "d.db"), "--allow-ingest", "--port", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("token", r.Stderr);
    }

    [Fact]
    public async Task Serve_demo_starts_on_the_demo_database_and_stops_on_interrupt()
    {
        using var dir = new TempDir();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir.Path };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "parley.dll"), "serve", "--demo", "--db", Path.Combine(dir.Path, "demo.db"), "--port", "0" })
            psi.ArgumentList.Add(a);
        psi.Environment.Remove("PARLEY_TOKEN");
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string? url = null;
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (url is null && DateTime.UtcNow < deadline && await process.StandardOutput.ReadLineAsync() is { } line)
                if (line.Trim().StartsWith("web UI", StringComparison.Ordinal)) url = line.Trim()["web UI".Length..].Trim().TrimEnd('/');
            Assert.True(url is not null, "no URL printed; stderr: " + (process.HasExited ? await stderr : ""));
            Assert.StartsWith("http://127.0.0.1:", url);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var stats = JsonNode.Parse(await http.GetStringAsync("/api/stats"))!;
            Assert.Equal(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "demo", "corpus"), "*.*").Length - 1 + 2, stats["articles"]!.GetValue<int>());
            Assert.False(stats["ingest_enabled"]!.GetValue<bool>());
            Assert.Contains("<title>Parley</title>", await http.GetStringAsync("/"));

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) interrupt.WaitForExit();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "serve did not stop on SIGINT");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(true);
        }
    }
}
