using System.Buffers;

namespace Parley.Ingest.Sources;

/// <summary>Read-only pass-through that reports every byte read to a callback (progress accounting).</summary>
sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
{
    public long Count { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));
    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    int Counted(int n)
    {
        if (n > 0) { Count += n; onRead(n); }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Thrown by <see cref="GzipGuardStream"/> when a compressed input expands too far.</summary>
sealed class GzipBombException(string message) : IOException(message);

/// <summary>
/// Wraps a decompressing stream and stops it (with <see cref="GzipBombException"/>) when the output
/// exceeds an absolute cap, or when it is past a threshold and the expansion ratio is implausible.
/// </summary>
sealed class GzipGuardStream(Stream decompressed, Func<long> compressedSoFar, InputReaderOptions options) : Stream
{
    public long Decompressed { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = decompressed.Read(buffer);
        Decompressed += n;
        if (Decompressed > options.MaxDecompressedBytes)
            throw new GzipBombException(
                $"gzip data decompresses past the {Size(options.MaxDecompressedBytes)} limit; stopped reading this file");
        if (Decompressed > options.CompressionRatioCheckAfterBytes)
        {
            var compressed = Math.Max(1, compressedSoFar());
            var ratio = (double)Decompressed / compressed;
            if (ratio > options.MaxCompressionRatio)
                throw new GzipBombException(
                    $"gzip bomb: {Size(Decompressed)} decompressed from {Size(compressed)} (ratio {ratio:0}:1, limit {options.MaxCompressionRatio:0}:1); stopped reading this file");
        }
        return n;
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Decompressed; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A stream that first replays bytes already read (for sniffing) and then continues with the rest.</summary>
sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    int _pos;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pos < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _pos);
            prefix.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Bounded reads.</summary>
static class StreamUtil
{
    /// <summary>
    /// Reads until the stream ends or <paramref name="max"/> bytes are in; the buffer grows as data
    /// arrives (never allocating <paramref name="max"/> up front for a short stream).
    /// </summary>
    public static (byte[] Buffer, int Length, bool Ended) ReadUpTo(Stream s, int max, int initial = 64 * 1024)
    {
        var buf = new byte[Math.Min(max, Math.Max(initial, 16))];
        var len = 0;
        while (len < max)
        {
            if (len == buf.Length) Array.Resize(ref buf, (int)Math.Min(max, (long)buf.Length * 2));
            var n = s.Read(buf, len, buf.Length - len);
            if (n == 0) return (buf, len, true);
            len += n;
        }
        return (buf, len, false);
    }
}

enum LineStatus { Line, TooLong, End }

/// <summary>
/// Splits a byte stream into lines ("\n", a trailing "\r" dropped) without ever holding more than one
/// line, and never more than <c>maxLine</c> bytes of it: longer lines are skipped and reported.
/// </summary>
sealed class LineReader(Stream stream, long maxLine) : IDisposable
{
    byte[] _buf = ArrayPool<byte>.Shared.Rent(64 * 1024);
    int _start, _end;
    bool _eof;
    byte[] _line = ArrayPool<byte>.Shared.Rent(64 * 1024);
    int _lineLen;

    public int LineNumber { get; private set; }
    /// <summary>Whether the last line was ended by "\n" (false for a final unterminated line).</summary>
    public bool EndedWithNewline { get; private set; }
    /// <summary>Length of the last line (also for a skipped, too-long line).</summary>
    public long LastLength { get; private set; }
    public ReadOnlySpan<byte> Current => _line.AsSpan(0, _lineLen);

    public LineStatus Next()
    {
        _lineLen = 0;
        long total = 0;
        var tooLong = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_eof || !Fill())
                {
                    if (total == 0) return LineStatus.End;
                    EndedWithNewline = false;
                    return Finish(total, tooLong);
                }
            }
            var span = _buf.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            var take = nl < 0 ? span.Length : nl;
            total += take;
            if (!tooLong && total > maxLine) { tooLong = true; _lineLen = 0; }
            if (!tooLong) Append(span[..take]);
            _start += nl < 0 ? take : take + 1;
            if (nl >= 0)
            {
                EndedWithNewline = true;
                return Finish(total, tooLong);
            }
        }
    }

    LineStatus Finish(long total, bool tooLong)
    {
        LineNumber++;
        if (!tooLong && _lineLen > 0 && _line[_lineLen - 1] == (byte)'\r') { _lineLen--; total--; }
        LastLength = total;
        return tooLong ? LineStatus.TooLong : LineStatus.Line;
    }

    bool Fill()
    {
        _start = 0;
        _end = stream.Read(_buf, 0, _buf.Length);
        if (_end == 0) { _eof = true; return false; }
        return true;
    }

    void Append(ReadOnlySpan<byte> bytes)
    {
        if (_lineLen + bytes.Length > _line.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_lineLen + bytes.Length, _line.Length * 2));
            _line.AsSpan(0, _lineLen).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_line);
            _line = bigger;
        }
        bytes.CopyTo(_line.AsSpan(_lineLen));
        _lineLen += bytes.Length;
    }

    public void Dispose()
    {
        if (_buf.Length > 0) ArrayPool<byte>.Shared.Return(_buf);
        if (_line.Length > 0) ArrayPool<byte>.Shared.Return(_line);
        _buf = [];
        _line = [];
        stream.Dispose();
    }
}
