using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Parley.Ingest.Sources;

/// <summary>
/// Reads inputs — .txt, .html/.htm, .jsonl, .jsonl.gz files, directories (recursively, sorted),
/// or "-" for stdin — into <see cref="RawDocument"/>s, one per article, lazily: at most one item is in
/// memory at a time. An input that cannot be read yields a document with <see cref="RawDocument.Errors"/>
/// and no content, and reading goes on with the next item.
/// </summary>
public sealed class InputReader
{
    readonly InputReaderOptions _options;
    long _bytesConsumed;

    public InputReader(InputReaderOptions? options = null)
    {
        _options = options ?? new InputReaderOptions();
        if (_options.MaxItemBytes <= 0 || _options.MaxItemBytes > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxItemBytes must be positive and fit in an array");
        TextDecoding.EnsureCodePages();
    }

    /// <summary>
    /// Input bytes dealt with so far (read from disk or stdin — compressed bytes for .gz — plus the
    /// sizes of files rejected without reading), comparable with <see cref="TotalInputBytes"/>. Thread-safe to poll.
    /// </summary>
    public long BytesConsumed => Interlocked.Read(ref _bytesConsumed);

    void Consumed(long n) => Interlocked.Add(ref _bytesConsumed, n);

    /// <summary>Sum of the sizes of the files the inputs name (directories walked as Read walks them); 0 for stdin.</summary>
    public static long TotalInputBytes(IEnumerable<string> inputs)
    {
        long total = 0;
        foreach (var input in inputs)
        {
            if (input == "-") continue;
            try
            {
                if (Directory.Exists(input))
                {
                    foreach (var (file, error) in Walk(input))
                        if (error is null) total += SafeLength(file);
                }
                else if (File.Exists(input)) total += SafeLength(input);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return total;
    }

    static long SafeLength(string path)
    {
        try { return new FileInfo(path).Length; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return 0; }
    }

    enum Kind { Unknown, Text, Html, Jsonl, JsonlGz }

    static Kind KindOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)) return Kind.JsonlGz;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".txt" => Kind.Text,
            ".html" or ".htm" => Kind.Html,
            ".jsonl" => Kind.Jsonl,
            _ => Kind.Unknown,
        };
    }

    /// <summary>The id a file gives its documents: its name without the extension (".jsonl.gz" counted whole).</summary>
    static string IdOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)) return name[..^".jsonl.gz".Length];
        return Path.GetFileNameWithoutExtension(name);
    }

    public IEnumerable<RawDocument> Read(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var d in ReadStdin()) yield return d;
            }
            else if (Directory.Exists(input))
            {
                foreach (var (file, error) in Walk(input))
                {
                    if (error is not null) { yield return Failed(IdOf(file), file, 0, error); continue; }
                    foreach (var d in ReadFile(file)) yield return d;
                }
            }
            else if (File.Exists(input))
            {
                if (KindOf(input) == Kind.Unknown)
                {
                    var ext = Path.GetExtension(input);
                    yield return Failed(IdOf(input), input, SafeLength(input),
                        ext.Length == 0
                            ? "unsupported input: no file extension (expected .txt, .html, .htm, .jsonl or .jsonl.gz)"
                            : $"unsupported file type \"{ext}\" (expected .txt, .html, .htm, .jsonl or .jsonl.gz)");
                    continue;
                }
                foreach (var d in ReadFile(input)) yield return d;
            }
            else
            {
                yield return Failed(IdOf(input), input, 0, "file not found");
            }
        }
    }

    /// <summary>
    /// Files under a directory with a known extension, depth first, entries in ordinal name order;
    /// hidden entries (dot-names or the hidden attribute) and symlinked directories are skipped.
    /// An unreadable directory is reported as (path, error).
    /// </summary>
    static IEnumerable<(string Path, string? Error)> Walk(string dir)
    {
        FileSystemInfo[] entries;
        string? error = null;
        try
        {
            entries = new DirectoryInfo(dir).GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            entries = [];
            error = ex is UnauthorizedAccessException ? "permission denied: cannot list directory" : $"cannot list directory: {ex.Message}";
        }
        if (error is not null)
        {
            yield return (dir, error);
            yield break;
        }
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var e in entries)
        {
            if (e.Name.StartsWith('.') || (e.Attributes & FileAttributes.Hidden) != 0) continue;
            var path = Path.Combine(dir, e.Name);
            if (e is DirectoryInfo d)
            {
                if (d.LinkTarget is not null) continue; // symlinked directories could loop
                foreach (var f in Walk(path)) yield return f;
            }
            else if (KindOf(e.Name) != Kind.Unknown) yield return (path, null);
        }
    }

    static RawDocument Failed(string id, string source, long length, string error)
    {
        var d = new RawDocument { Id = id, Source = source, ByteLength = length };
        d.Errors.Add(error);
        return d;
    }

    static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // ---- single files -------------------------------------------------------------------------

    IEnumerable<RawDocument> ReadFile(string path)
    {
        var kind = KindOf(path);
        if (kind is Kind.Jsonl or Kind.JsonlGz) return ReadJsonlFile(path, kind == Kind.JsonlGz);
        return [ReadWholeFile(path, kind == Kind.Html)];
    }

    RawDocument ReadWholeFile(string path, bool html)
    {
        var id = IdOf(path);
        long length = 0;
        try
        {
            length = new FileInfo(path).Length;
            if (length > _options.MaxItemBytes)
            {
                Consumed(length);
                return Failed(id, path, length, TooBig(length));
            }
            using var fs = OpenRead(path);
            using var counted = new CountingStream(fs, Consumed);
            // Read at most one byte past the limit: the file may have grown since it was measured.
            // Sized for the measured length; still bounded if the file has grown since (or reports no size).
            var (buf, len, _) = StreamUtil.ReadUpTo(counted, (int)(_options.MaxItemBytes + 1), initial: (int)length + 1);
            if (len > _options.MaxItemBytes)
            {
                Consumed(Math.Max(0, length - len));
                return Failed(id, path, Math.Max(length, len), TooBig(Math.Max(length, len)));
            }
            return FromBytes(id, path, buf.AsSpan(0, len), html);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            return Failed(id, path, length, ReadFailure(ex));
        }
    }

    string TooBig(long length) =>
        $"too large: {GzipGuardStream.Size(length)} ({length} bytes) is over the {GzipGuardStream.Size(_options.MaxItemBytes)} per-item limit";

    static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    static bool IsReadFailure(Exception ex) =>
        ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException;

    static string ReadFailure(Exception ex) => ex switch
    {
        GzipBombException => ex.Message,
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "file not found",
        InvalidDataException => $"corrupt gzip data: {ex.Message}",
        _ => $"read error: {ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>A whole text or HTML item from its raw bytes: checked for emptiness and binary content, then decoded.</summary>
    static RawDocument FromBytes(string id, string source, ReadOnlySpan<byte> bytes, bool html)
    {
        if (bytes.Length == 0) return Failed(id, source, 0, "empty file");
        var (bom, _) = TextDecoding.DetectBom(bytes);
        var utf16 = bom is null ? TextDecoding.GuessBomlessUtf16(bytes) : null;
        if (bom is null && utf16 is null && BinarySniffer.Describe(bytes) is { } what)
            return Failed(id, source, bytes.Length, $"not text: looks like {what}");
        var decoded = TextDecoding.Decode(bytes, html);
        if ((bom is not null || utf16 is not null) && BinarySniffer.DescribeDecoded(decoded.Text) is { } what16)
            return Failed(id, source, bytes.Length, $"not text: looks like {what16}");
        if (string.IsNullOrWhiteSpace(decoded.Text))
            return Failed(id, source, bytes.Length, "empty file: only whitespace");
        var doc = new RawDocument { Id = id, Source = source, ByteLength = bytes.Length, ContentHash = Hash(bytes) };
        if (html) doc.Html = decoded.Text; else doc.Text = decoded.Text;
        if (decoded.Error is not null) doc.Errors.Add(decoded.Error);
        return doc;
    }

    // ---- JSONL --------------------------------------------------------------------------------

    IEnumerable<RawDocument> ReadJsonlFile(string path, bool gz)
    {
        var name = IdOf(path);
        Stream? stream = null;
        string? openError = null;
        long length = 0;
        try
        {
            length = new FileInfo(path).Length;
            var fs = OpenRead(path);
            var counted = new CountingStream(fs, Consumed);
            stream = counted;
            if (gz)
            {
                var gzip = new GZipStream(new BufferedStream(counted, 64 * 1024), CompressionMode.Decompress);
                stream = new GzipGuardStream(gzip, () => counted.Count, _options);
            }
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            openError = ReadFailure(ex);
        }
        if (openError is not null || stream is null)
        {
            yield return Failed(name, path, length, openError ?? "cannot open");
            yield break;
        }
        if (length == 0)
        {
            stream.Dispose();
            yield return Failed(name, path, 0, "empty file");
            yield break;
        }
        foreach (var d in ReadJsonlStream(stream, name, path, gz)) yield return d;
    }

    /// <summary>JSONL from a stream: one document per non-blank line, errors per bad line, a stream error ends it.</summary>
    IEnumerable<RawDocument> ReadJsonlStream(Stream stream, string name, string source, bool compressed)
    {
        using var lines = new LineReader(stream, _options.MaxItemBytes);
        var any = false;
        var first = true;
        while (true)
        {
            LineStatus status;
            string? streamError = null;
            try
            {
                status = lines.Next();
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                status = LineStatus.End;
                streamError = ReadFailure(ex);
            }
            if (streamError is not null)
            {
                var where = lines.LineNumber > 0 ? $" after line {lines.LineNumber}" : "";
                yield return Failed(name, source, 0, streamError.Contains("stopped reading") ? streamError : streamError + where);
                yield break;
            }
            if (status == LineStatus.End) break;
            var lineNo = lines.LineNumber;
            var lineSource = $"{source}:{lineNo}";
            var lineId = $"{name}:{lineNo}";
            if (status == LineStatus.TooLong)
            {
                any = true;
                yield return Failed(lineId, lineSource, lines.LastLength, $"line {lineNo}: {TooBig(lines.LastLength)}");
                continue;
            }
            var bytes = lines.Current;
            if (first)
            {
                first = false;
                if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
                if (BinarySniffer.Describe(bytes) is { } what)
                {
                    yield return Failed(name, source, 0,
                        compressed ? $"not JSONL: decompressed data looks like {what}" : $"not JSONL: looks like {what}");
                    yield break;
                }
            }
            if (IsBlank(bytes)) continue;
            any = true;
            var doc = FromJsonLine(bytes, lineId, lineSource);
            // .NET's inflater ends quietly on truncated data; a broken, unterminated last line is the sign.
            if (compressed && !lines.EndedWithNewline && !doc.HasContent && doc.Errors.Count > 0)
                doc.Errors[0] += " (last line of the gzip data, without a newline: the file may be truncated)";
            yield return doc;
        }
        if (!any) yield return Failed(name, source, 0, "empty file: no JSONL records");
    }

    static bool IsBlank(ReadOnlySpan<byte> b)
    {
        foreach (var c in b)
            if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    static RawDocument FromJsonLine(ReadOnlySpan<byte> raw, string fallbackId, string source)
    {
        string? utf8Error = null;
        ReadOnlySpan<byte> bytes = raw;
        if (!Utf8.IsValid(raw))
        {
            var d = TextDecoding.DecodeUtf8(raw, 0);
            utf8Error = d.Error;
            bytes = Encoding.UTF8.GetBytes(d.Text);
        }
        var (line, error) = JsonlLine.Parse(bytes);
        if (line is null)
        {
            var failed = Failed(fallbackId, source, raw.Length, $"line {source[(source.LastIndexOf(':') + 1)..]}: {error}");
            if (utf8Error is not null) failed.Errors.Add(utf8Error);
            return failed;
        }
        var id = string.IsNullOrWhiteSpace(line.Id) ? fallbackId : line.Id.Trim();
        var doc = new RawDocument
        {
            Id = id,
            Source = source,
            Title = line.Title,
            Published = line.Date,
            Outlet = line.Outlet,
            Url = line.Url,
            Byline = line.Authors,
            ByteLength = raw.Length,
        };
        if (string.IsNullOrWhiteSpace(line.Text) && string.IsNullOrWhiteSpace(line.Html))
        {
            doc.Errors.Add(line.HasText ? "empty \"text\" field" : "empty \"html\" field");
            return doc;
        }
        doc.ContentHash = Hash(raw);
        if (!string.IsNullOrWhiteSpace(line.Text)) doc.Text = line.Text;
        if (!string.IsNullOrWhiteSpace(line.Html)) doc.Html = line.Html;
        if (utf8Error is not null) doc.Errors.Add(utf8Error);
        return doc;
    }

    // ---- stdin --------------------------------------------------------------------------------

    IEnumerable<RawDocument> ReadStdin()
    {
        Stream? stream = null;
        byte[] head = [];
        int headLen = 0;
        bool ended = false;
        string? error = null;
        var gz = false;
        try
        {
            var raw = _options.Stdin ?? Console.OpenStandardInput();
            // Stdin belongs to the caller (or the process): do not dispose the injected stream.
            Stream counted = new CountingStream(new NonClosingStream(raw), Consumed);
            (head, headLen, ended) = StreamUtil.ReadUpTo(counted, 8192);
            if (headLen >= 2 && head[0] == 0x1F && head[1] == 0x8B)
            {
                gz = true;
                var countedRef = (CountingStream)counted;
                var gzip = new GZipStream(new PrefixedStream(head, headLen, counted), CompressionMode.Decompress);
                stream = new GzipGuardStream(gzip, () => countedRef.Count, _options);
                (head, headLen, ended) = StreamUtil.ReadUpTo(stream, 8192);
            }
            else stream = counted;
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            error = ReadFailure(ex);
        }
        if (error is not null || stream is null)
        {
            yield return Failed("stdin", "-", headLen, error ?? "cannot read stdin");
            yield break;
        }
        var sample = head.AsSpan(0, headLen);
        var (bom, bomLen) = TextDecoding.DetectBom(sample);
        var afterBom = sample[bomLen..];
        var firstChar = afterBom.TrimStart(" \t\r\n"u8);
        var isJsonl = (bom is null || bom is UTF8Encoding) && firstChar.Length > 0 && firstChar[0] == (byte)'{';
        if (isJsonl)
        {
            foreach (var d in ReadJsonlStream(new PrefixedStream(head, headLen, stream), "stdin", "-", gz)) yield return d;
            yield break;
        }
        // A whole text or HTML document.
        var isHtml = (bom is null || bom is UTF8Encoding) && firstChar.Length > 0 && firstChar[0] == (byte)'<'
            || bom is not null && LooksLikeHtml(bom, afterBom);
        RawDocument doc;
        try
        {
            var (all, allLen) = (head, headLen);
            if (!ended)
                (all, allLen, _) = StreamUtil.ReadUpTo(new PrefixedStream(head, headLen, stream), (int)(_options.MaxItemBytes + 1), initial: 4 * headLen);
            doc = allLen > _options.MaxItemBytes
                ? Failed("stdin", "-", allLen, $"stdin: {TooBig(allLen)} (stopped reading)")
                : FromBytes("stdin", "-", all.AsSpan(0, allLen), isHtml);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            doc = Failed("stdin", "-", 0, ReadFailure(ex));
        }
        yield return doc;
    }

    static bool LooksLikeHtml(Encoding bom, ReadOnlySpan<byte> afterBom)
    {
        var s = bom.GetString(afterBom[..(Math.Min(afterBom.Length, 64) & ~3)]).TrimStart();
        return s.StartsWith('<');
    }

    /// <summary>Keeps a caller's stream open when the reader's wrappers are disposed.</summary>
    sealed class NonClosingStream(Stream inner) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
