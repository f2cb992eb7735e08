using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Parley.Ingest.Sources;

namespace Parley.Ingest.Tests.Sources;

public class InputReaderTests
{
    static List<RawDocument> ReadAll(params string[] inputs) => new InputReader().Read(inputs).ToList();

    static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));

    [Fact]
    public void Reads_a_text_file_with_id_source_hash_and_length()
    {
        using var dir = new TempDir();
        var body = "Harbour talks resume\n\nNegotiators met again on Tuesday to discuss the port dispute.\n";
        var path = dir.Write("talks-2024.txt", body);
        var doc = Assert.Single(ReadAll(path));
        Assert.Equal("talks-2024", doc.Id);
        Assert.Equal(path, doc.Source);
        Assert.Equal(body, doc.Text);
        Assert.Null(doc.Html);
        Assert.Empty(doc.Errors);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), doc.ByteLength);
        Assert.Equal(Sha(File.ReadAllBytes(path)), doc.ContentHash);
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("page.htm")]
    [InlineData("PAGE.HTML")]
    public void Reads_html_files_into_Html(string name)
    {
        using var dir = new TempDir();
        var html = "<html><head><title>Vote count</title></head><body><p>The count finished late.</p></body></html>";
        var doc = Assert.Single(ReadAll(dir.Write(name, html)));
        Assert.Equal(html, doc.Html);
        Assert.Null(doc.Text);
        Assert.Empty(doc.Errors);
    }

    [Fact]
    public void Reads_jsonl_fields_and_line_ids()
    {
        using var dir = new TempDir();
        var lines = new[]
        {
            """{"id":"a1","title":"Summit opens","date":"2021-03-04","outlet":"Daily Example","url":"https://example.org/a1","authors":["Ana Ruiz","Bo Li"],"topic":"x","text":"Leaders met."}""",
            """{"title":"No id here","authors":"Cam Diaz","text":"Second body."}""",
            "",
            """{"id":7,"html":"<p>Third</p>","date":null}""",
        };
        var path = dir.Write("feed.jsonl", string.Join("\n", lines) + "\n");
        var docs = ReadAll(path);
        Assert.Equal(3, docs.Count);

        Assert.Equal("a1", docs[0].Id);
        Assert.Equal(path + ":1", docs[0].Source);
        Assert.Equal("Summit opens", docs[0].Title);
        Assert.Equal("2021-03-04", docs[0].Published);
        Assert.Equal("Daily Example", docs[0].Outlet);
        Assert.Equal("https://example.org/a1", docs[0].Url);
        Assert.Equal("Ana Ruiz, Bo Li", docs[0].Byline);
        Assert.Equal("Leaders met.", docs[0].Text);
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(lines[0])), docs[0].ContentHash);
        Assert.Equal(Encoding.UTF8.GetByteCount(lines[0]), docs[0].ByteLength);

        Assert.Equal("feed:2", docs[1].Id);
        Assert.Equal("Cam Diaz", docs[1].Byline);

        Assert.Equal("7", docs[2].Id);
        Assert.Equal(path + ":4", docs[2].Source);
        Assert.Equal("<p>Third</p>", docs[2].Html);
        Assert.Null(docs[2].Published);
        Assert.All(docs, d => Assert.Empty(d.Errors));
    }

    [Fact]
    public void Jsonl_with_crlf_line_endings_hashes_the_line_without_the_cr()
    {
        using var dir = new TempDir();
        var line = """{"id":"w","text":"Windows line"}""";
        var doc = Assert.Single(ReadAll(dir.Write("w.jsonl", line + "\r\n")));
        Assert.Equal("Windows line", doc.Text);
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(line)), doc.ContentHash);
    }

    [Fact]
    public void Reads_gzipped_jsonl_and_counts_compressed_bytes()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder();
        for (var i = 0; i < 50; i++) sb.Append($$"""{"id":"g{{i}}","text":"Body number {{i}} of the compressed feed."}""").Append('\n');
        var path = dir.WriteGzip("bundle.jsonl.gz", sb.ToString());
        var reader = new InputReader();
        var docs = reader.Read([path]).ToList();
        Assert.Equal(50, docs.Count);
        Assert.Equal("g0", docs[0].Id);
        Assert.Equal(path + ":50", docs[49].Source);
        Assert.All(docs, d => Assert.Empty(d.Errors));
        Assert.Equal(new FileInfo(path).Length, reader.BytesConsumed);
        Assert.Equal(new FileInfo(path).Length, InputReader.TotalInputBytes([path]));
    }

    [Fact]
    public void Gzip_jsonl_without_ids_uses_the_name_without_both_extensions()
    {
        using var dir = new TempDir();
        var path = dir.WriteGzip("wire.jsonl.gz", """{"text":"one"}""" + "\n");
        Assert.Equal("wire:1", Assert.Single(ReadAll(path)).Id);
    }

    [Fact]
    public void Walks_directories_recursively_in_sorted_order_skipping_hidden_and_unknown_files()
    {
        using var dir = new TempDir();
        dir.Write("b.txt", "bee");
        dir.Write("a/z.html", "<p>zed</p>");
        dir.Write("a/m.txt", "em");
        dir.Write("a/deeper/k.txt", "kay");
        dir.Write("C.txt", "upper case sorts first in ordinal order");
        dir.Write("notes.md", "# not an input");
        dir.Write("image.png", "not really");
        dir.Write(".hidden.txt", "secret");
        dir.Write(".git/config.txt", "hidden directory");
        dir.Write("c.jsonl", """{"id":"j1","text":"from jsonl"}""" + "\n");
        var reader = new InputReader();
        var docs = reader.Read([dir.Root]).ToList();
        // Ordinal name order, depth first: "C" < "a" < "a/deeper" < "a/m" < "a/z" < "b" < "c".
        Assert.Equal(["C", "k", "m", "z", "b", "j1"], docs.Select(d => d.Id));
        Assert.Equal(
            [dir.PathOf("C.txt"), dir.PathOf("a/deeper/k.txt"), dir.PathOf("a/m.txt"), dir.PathOf("a/z.html"), dir.PathOf("b.txt"), dir.PathOf("c.jsonl") + ":1"],
            docs.Select(d => d.Source));
        Assert.All(docs, d => Assert.Empty(d.Errors));

        // Same order every time; totals count only files Read would read.
        Assert.Equal(docs.Select(d => d.Source), new InputReader().Read([dir.Root]).Select(d => d.Source));
        var expected = new[] { "C.txt", "a/deeper/k.txt", "a/m.txt", "a/z.html", "b.txt", "c.jsonl" }.Sum(f => new FileInfo(dir.PathOf(f)).Length);
        Assert.Equal(expected, InputReader.TotalInputBytes([dir.Root, "-"]));
        Assert.Equal(expected, reader.BytesConsumed);
    }

    [Fact]
    public void Directory_order_descends_into_subdirectories_in_name_order()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "1");
        dir.Write("b/a.txt", "2");
        dir.Write("c.txt", "3");
        Assert.Equal([dir.PathOf("a.txt"), dir.PathOf("b/a.txt"), dir.PathOf("c.txt")], ReadAll(dir.Root).Select(d => d.Source));
    }

    [Fact]
    public void An_unknown_extension_given_explicitly_is_an_error()
    {
        using var dir = new TempDir();
        var pdf = dir.Write("report.docx", "whatever");
        var ok = dir.Write("ok.txt", "fine text");
        var docs = ReadAll(pdf, ok);
        Assert.Contains("unsupported file type \".docx\"", Assert.Single(docs[0].Errors));
        Assert.False(docs[0].HasContent);
        Assert.Equal("fine text", docs[1].Text);
    }

    [Fact]
    public void A_missing_path_is_an_error_document_and_the_batch_continues()
    {
        using var dir = new TempDir();
        var ok = dir.Write("ok.txt", "still read");
        var docs = ReadAll(dir.PathOf("nope.txt"), ok);
        Assert.Equal(2, docs.Count);
        Assert.Equal("nope", docs[0].Id);
        Assert.Equal(dir.PathOf("nope.txt"), docs[0].Source);
        Assert.Equal("file not found", Assert.Single(docs[0].Errors));
        Assert.Null(docs[0].ContentHash);
        Assert.Equal("still read", docs[1].Text);
    }

    // ---- stdin ----

    static List<RawDocument> ReadStdin(byte[] bytes, out InputReader reader)
    {
        reader = new InputReader(new InputReaderOptions { Stdin = new MemoryStream(bytes) });
        return reader.Read(["-"]).ToList();
    }

    [Fact]
    public void Stdin_jsonl_is_sniffed_by_a_leading_brace()
    {
        var input = "\n" + """{"id":"s1","text":"first"}""" + "\n" + """{"text":"second"}""" + "\n";
        var docs = ReadStdin(Encoding.UTF8.GetBytes(input), out var reader);
        Assert.Equal(["s1", "stdin:3"], docs.Select(d => d.Id));
        Assert.Equal(["-:2", "-:3"], docs.Select(d => d.Source));
        Assert.Equal(Encoding.UTF8.GetByteCount(input), reader.BytesConsumed);
    }

    [Fact]
    public void Stdin_html_and_text_are_sniffed()
    {
        var html = ReadStdin(Encoding.UTF8.GetBytes("  <!doctype html><p>Hello</p>"), out _);
        Assert.Equal("  <!doctype html><p>Hello</p>", Assert.Single(html).Html);
        Assert.Equal("-", html[0].Source);
        Assert.Equal("stdin", html[0].Id);

        var text = ReadStdin(Encoding.UTF8.GetBytes("Plain words from a pipe."), out _);
        Assert.Equal("Plain words from a pipe.", Assert.Single(text).Text);
        Assert.NotNull(text[0].ContentHash);
    }

    [Fact]
    public void Stdin_larger_than_the_sniff_buffer_is_read_whole()
    {
        var body = string.Concat(Enumerable.Repeat("A sentence about the harbour. ", 2000));
        Assert.Equal(body, Assert.Single(ReadStdin(Encoding.UTF8.GetBytes(body), out _)).Text);
    }

    [Fact]
    public void Small_stdin_does_not_allocate_the_item_limit_and_large_stdin_is_cut_off()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal("short", Assert.Single(ReadStdin(Encoding.UTF8.GetBytes("short"), out _)).Text);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1024 * 1024);

        var big = new InputReader(new InputReaderOptions { Stdin = new MemoryStream(new byte[100_000].Select(_ => (byte)'w').ToArray()), MaxItemBytes = 50_000 });
        var doc = Assert.Single(big.Read(["-"]));
        Assert.Contains("over the 48.8 KiB per-item limit", Assert.Single(doc.Errors));
        Assert.False(doc.HasContent);
        Assert.True(big.BytesConsumed <= 50_001 + 8192, $"read {big.BytesConsumed}");
    }

    [Fact]
    public void Empty_stdin_is_an_error()
    {
        var doc = Assert.Single(ReadStdin([], out _));
        Assert.Contains("empty", Assert.Single(doc.Errors));
    }

    [Fact]
    public void Gzipped_stdin_is_decompressed()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes("""{"id":"z","text":"zipped"}""" + "\n"));
        var doc = Assert.Single(ReadStdin(ms.ToArray(), out _));
        Assert.Equal("zipped", doc.Text);
    }

    [Fact]
    public void Stdin_stream_is_left_open_for_its_owner()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("text"));
        _ = new InputReader(new InputReaderOptions { Stdin = stream }).Read(["-"]).ToList();
        Assert.True(stream.CanRead);
    }
}
