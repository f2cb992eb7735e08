using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Parley.Ingest.Sources;

namespace Parley.Ingest.Tests.Sources;

/// <summary>Each class of bad input gives one clear per-item error, no content, and the batch goes on.</summary>
public class BadInputTests
{
    static void AssertFailed(RawDocument doc, string expectedFragment)
    {
        Assert.False(doc.HasContent, $"{doc.Source} should have no content");
        Assert.Null(doc.ContentHash);
        var error = Assert.Single(doc.Errors);
        Assert.Contains(expectedFragment, error, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads [bad, good] and checks the good one still comes through after the bad one.</summary>
    static RawDocument ReadBadThenGood(TempDir dir, string badPath, InputReaderOptions? options = null)
    {
        var good = dir.Write("zz-after.txt", "The batch continued after the bad input.");
        var docs = new InputReader(options).Read([badPath, good]).ToList();
        Assert.Equal("The batch continued after the bad input.", docs[^1].Text);
        Assert.Empty(docs[^1].Errors);
        return Assert.Single(docs[..^1]);
    }

    [Fact]
    public void Png_named_txt_is_rejected_as_binary()
    {
        using var dir = new TempDir();
        var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.Concat(RandomBytes(4000, 1)).ToArray();
        AssertFailed(ReadBadThenGood(dir, dir.WriteBytes("photo.txt", png)), "PNG image");
    }

    [Fact]
    public void Elf_executable_named_html_is_rejected_as_binary()
    {
        using var dir = new TempDir();
        var elf = new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0 }.Concat(RandomBytes(9000, 2)).ToArray();
        AssertFailed(ReadBadThenGood(dir, dir.WriteBytes("tool.html", elf)), "ELF executable");
    }

    [Fact]
    public void Unnamed_binary_with_nul_bytes_or_control_characters_is_rejected()
    {
        using var dir = new TempDir();
        var withNul = Encoding.ASCII.GetBytes("header text").Concat(new byte[] { 0, 0, 1, 2 }).Concat(Encoding.ASCII.GetBytes("more")).ToArray();
        AssertFailed(ReadBadThenGood(dir, dir.WriteBytes("nul.txt", withNul)), "NUL");
        var controls = Enumerable.Range(0, 2000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        AssertFailed(ReadBadThenGood(dir, dir.WriteBytes("ctl.txt", controls)), "control bytes");
    }

    [Fact]
    public void Binary_data_in_a_jsonl_file_is_one_error_for_the_file()
    {
        using var dir = new TempDir();
        var bin = new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }.Concat(RandomBytes(20000, 3)).ToArray();
        AssertFailed(ReadBadThenGood(dir, dir.WriteBytes("blob.jsonl", bin)), "not JSONL: looks like ELF");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t \r\n  ")]
    public void Empty_or_whitespace_only_files_are_errors(string content)
    {
        using var dir = new TempDir();
        AssertFailed(ReadBadThenGood(dir, dir.Write("blank.txt", content)), "empty file");
        AssertFailed(ReadBadThenGood(dir, dir.Write("blank.html", content)), "empty file");
        AssertFailed(ReadBadThenGood(dir, dir.Write("blank.jsonl", content)), "empty file");
    }

    [Fact]
    public void A_100_MB_text_file_is_rejected_quickly_without_loading_it()
    {
        using var dir = new TempDir();
        var path = dir.PathOf("huge.txt");
        using (var fs = File.Create(path)) fs.SetLength(100L * 1024 * 1024); // sparse: nothing actually written
        var reader = new InputReader();
        var sw = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var docs = reader.Read([path, dir.Write("small.txt", "small")]).ToList();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        sw.Stop();
        AssertFailed(docs[0], "over the 32 MiB per-item limit");
        Assert.Contains("104857600 bytes", docs[0].Errors[0]);
        Assert.Equal(100L * 1024 * 1024, docs[0].ByteLength);
        Assert.Equal("small", docs[1].Text);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), $"took {sw.Elapsed}");
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes");
        // Counted as dealt with, so a progress bar reaches the end.
        Assert.Equal(InputReader.TotalInputBytes([path, dir.PathOf("small.txt")]), reader.BytesConsumed);
    }

    [Fact]
    public void Item_limit_is_configurable()
    {
        using var dir = new TempDir();
        var path = dir.Write("medium.txt", new string('x', 5000));
        AssertFailed(ReadBadThenGood(dir, path, new InputReaderOptions { MaxItemBytes = 4096 }), "over the 4 KiB per-item limit");
    }

    [Fact]
    public void Malformed_jsonl_lines_are_per_line_errors_and_later_lines_are_read()
    {
        using var dir = new TempDir();
        var lines = new[]
        {
            """{"id":"ok1","text":"fine"}""",
            """{"id":"broken","text":"unterminated""",
            """["an","array"]""",
            """{"id":"notext","title":"Headline only"}""",
            """{"id":"long","text":"{{PAD}}"}""".Replace("{{PAD}}", new string('p', 3000)),
            """{"id":"ok2","text":"also fine"} trailing""",
            """{"id":"emptytext","text":"   "}""",
            """42""",
            """{"id":"ok3","text":"last one"}""",
        };
        var path = dir.Write("mixed.jsonl", string.Join("\n", lines));
        var docs = new InputReader(new InputReaderOptions { MaxItemBytes = 2048 }).Read([path]).ToList();
        Assert.Equal(9, docs.Count);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"{path}:{i}"), docs.Select(d => d.Source));

        Assert.Equal("fine", docs[0].Text);
        AssertFailed(docs[1], "line 2: malformed JSON");
        Assert.Equal("mixed:2", docs[1].Id);
        AssertFailed(docs[2], "line 3: not a JSON object (found an array)");
        AssertFailed(docs[3], "line 4: no \"text\" or \"html\" field");
        AssertFailed(docs[4], "line 5: too large");
        AssertFailed(docs[5], "line 6: trailing data");
        AssertFailed(docs[6], "empty \"text\" field");
        Assert.Equal("emptytext", docs[6].Id);
        AssertFailed(docs[7], "line 8: not a JSON object (found a number)");
        Assert.Equal("last one", docs[8].Text);
        Assert.Empty(docs[8].Errors);
    }

    [Fact]
    public void A_jsonl_line_over_the_limit_is_skipped_without_buffering_it()
    {
        using var dir = new TempDir();
        var path = dir.PathOf("longline.jsonl");
        using (var w = new StreamWriter(path))
        {
            w.Write("{\"id\":\"big\",\"text\":\"");
            var chunk = new string('q', 64 * 1024);
            for (var i = 0; i < 64; i++) w.Write(chunk); // a 4 MiB line
            w.Write("\"}\n{\"id\":\"after\",\"text\":\"next line\"}\n");
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var docs = new InputReader(new InputReaderOptions { MaxItemBytes = 256 * 1024 }).Read([path]).ToList();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        AssertFailed(docs[0], "line 1: too large");
        Assert.Equal("next line", docs[1].Text);
        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated} bytes for a 4 MiB line");
    }

    [Fact]
    public void Corrupt_gzip_yields_the_lines_before_the_damage_then_an_error()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder();
        var rng = new Random(5);
        for (var i = 0; i < 2000; i++) sb.Append($$"""{"id":"c{{i}}","text":"Item {{i}} {{rng.NextInt64()}} {{rng.NextInt64()}}"}""").Append('\n');
        var path = dir.WriteGzip("damaged.jsonl.gz", sb.ToString());
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var good = dir.Write("zz.txt", "after the corrupt gzip");
        var docs = new InputReader().Read([path, good]).ToList();
        var error = docs.Single(d => d.Errors.Count > 0 && d.Source == path);
        Assert.Contains("corrupt gzip", error.Errors[0]);
        Assert.False(error.HasContent);
        Assert.True(docs.Count(d => d.Source.StartsWith(path + ":")) < 2000);
        Assert.Equal("after the corrupt gzip", docs[^1].Text);
    }

    [Fact]
    public void A_plain_file_named_jsonl_gz_is_reported_as_corrupt_gzip()
    {
        using var dir = new TempDir();
        AssertFailed(ReadBadThenGood(dir, dir.Write("fake.jsonl.gz", """{"id":"x","text":"not compressed"}""")), "corrupt gzip");
    }

    [Fact]
    public void A_truncated_gzip_is_an_error_after_its_readable_lines()
    {
        using var dir = new TempDir();
        var path = dir.WriteGzip("cut.jsonl.gz", string.Concat(Enumerable.Range(0, 500).Select(i => $$"""{"id":"t{{i}}","text":"body {{i}}"}""" + "\n")));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 12)]);
        var docs = new InputReader().Read([path]).ToList();
        Assert.Contains("the file may be truncated", Assert.Single(docs[^1].Errors));
        Assert.InRange(docs.Count, 400, 500);
    }

    [Fact]
    public void Gzip_over_the_decompressed_limit_stops_with_an_error()
    {
        using var dir = new TempDir();
        var path = dir.PathOf("big.jsonl.gz");
        WriteRepeatedGzip(path, LineBlock(64 * 1024), members: 64); // 4 MiB decompressed
        var options = new InputReaderOptions { MaxDecompressedBytes = 1024 * 1024 };
        var good = dir.Write("zz.txt", "read after the bomb");
        var docs = new InputReader(options).Read([path, good]).ToList();
        var bomb = docs[^2];
        AssertFailed(bomb, "decompresses past the 1 MiB limit");
        Assert.Equal(path, bomb.Source);
        Assert.Equal("read after the bomb", docs[^1].Text);
        Assert.InRange(docs.Count - 2, 1, 70); // the 16 KiB lines in the first MiB (64), no more
    }

    [Fact]
    public void Gzip_bomb_trips_the_ratio_guard_at_default_settings_without_reading_it_all()
    {
        using var dir = new TempDir();
        var path = dir.PathOf("bomb.jsonl.gz");
        // 1 MiB of highly repetitive JSONL per gzip member, 4096 members: 4 GiB when expanded, a few MiB on disk.
        WriteRepeatedGzip(path, LineBlock(1024 * 1024), members: 4096);
        var fileSize = new FileInfo(path).Length;
        var good = dir.Write("zz.txt", "read after the bomb");
        var reader = new InputReader();
        var sw = Stopwatch.StartNew();
        var docs = reader.Read([path, good]).ToList();
        sw.Stop();
        var bomb = docs[^2];
        AssertFailed(bomb, "gzip bomb");
        Assert.Contains("stopped reading", bomb.Errors[0]);
        Assert.Equal("read after the bomb", docs[^1].Text);
        // It stopped shortly after the 64 MiB check point: far less than the file was read.
        Assert.True(reader.BytesConsumed < fileSize / 10, $"read {reader.BytesConsumed} of {fileSize} compressed bytes");
        Assert.InRange(docs.Count - 2, 1, 64 * 64 + 100); // 16 KiB lines up to the 64 MiB check point
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"took {sw.Elapsed}");
    }

    [Fact]
    public void Gzipped_stdin_bomb_is_stopped_too()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 8; i++) gz.Write(zeros);
        }
        ms.Position = 0;
        var options = new InputReaderOptions { Stdin = ms, MaxDecompressedBytes = 2 * 1024 * 1024 };
        var doc = Assert.Single(new InputReader(options).Read(["-"]));
        Assert.Contains("decompresses past", Assert.Single(doc.Errors));
    }

    [NonRootFact]
    public void Unreadable_file_is_a_permission_error()
    {
        using var dir = new TempDir();
        var path = dir.Write("locked.txt", "secret");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.None);
        AssertFailed(ReadBadThenGood(dir, path), "permission denied");
    }

    [Fact]
    public void Every_bad_input_in_one_batch_still_lets_the_good_ones_through()
    {
        using var dir = new TempDir();
        dir.WriteBytes("a-binary.txt", [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 0]);
        dir.Write("b-empty.txt", "");
        dir.Write("c-good.txt", "good one");
        dir.Write("d-fake.jsonl.gz", "not gzip at all");
        dir.Write("e-lines.jsonl", "{oops}\n" + """{"id":"good2","text":"good two"}""" + "\n");
        dir.WriteBytes("f-latin1.txt", [(byte)'c', (byte)'a', (byte)'f', 0xE9]);
        var docs = new InputReader().Read([dir.Root, dir.PathOf("missing.txt")]).ToList();
        Assert.Equal(["a-binary", "b-empty", "c-good", "d-fake", "e-lines:1", "good2", "f-latin1", "missing"], docs.Select(d => d.Id));
        Assert.Equal(["c-good", "good2", "f-latin1"], docs.Where(d => d.HasContent).Select(d => d.Id));
        Assert.All(docs, d => Assert.True(d.HasContent || d.Errors.Count == 1));
    }

    static byte[] RandomBytes(int n, int seed)
    {
        var b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }

    /// <summary>About <paramref name="size"/> bytes of identical JSONL lines (each well under the item limit).</summary>
    static byte[] LineBlock(int size)
    {
        var line = Encoding.UTF8.GetBytes("{\"id\":\"same\",\"text\":\"" + new string('z', 16 * 1024 - 30) + "\"}\n");
        var block = new byte[size / line.Length * line.Length];
        for (var i = 0; i < block.Length; i += line.Length) line.CopyTo(block, i);
        return block;
    }

    /// <summary>One gzip member of <paramref name="block"/>, concatenated <paramref name="members"/> times (valid multi-member gzip).</summary>
    static void WriteRepeatedGzip(string path, byte[] block, int members)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true)) gz.Write(block);
        var member = ms.ToArray();
        using var fs = File.Create(path);
        for (var i = 0; i < members; i++) fs.Write(member);
    }
}

/// <summary>A fact that cannot be shown as root (root reads files whatever their mode).</summary>
public sealed class NonRootFactAttribute : FactAttribute
{
    public NonRootFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "uses Unix file modes";
        else if (Environment.UserName == "root") Skip = "running as root: file permissions do not stop root from reading";
    }
}
