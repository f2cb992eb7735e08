namespace Parley.Ingest.Sources;

/// <summary>Tells binary data (images, executables, archives) from text by its first 8 KB.</summary>
static class BinarySniffer
{
    public const int SampleBytes = 8192;

    /// <summary>A description like "PNG image" when the sample is not text, else null.</summary>
    public static string? Describe(ReadOnlySpan<byte> data)
    {
        var b = data[..Math.Min(data.Length, SampleBytes)];
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "PNG image";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return "GIF image";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F'])) return "ELF executable";
        if (b.StartsWith("%PDF-"u8)) return "PDF document";
        if (b.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 3, 4])) return "ZIP archive";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "gzip data";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD])) return "zstd data";
        if (b.StartsWith("SQLite format 3\0"u8)) return "SQLite database";
        if (b.IndexOf((byte)0) >= 0) return "binary data (NUL bytes)";
        var control = 0;
        foreach (var c in b)
            if (c < 0x20 && c is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x0B or 0x1B)) control++;
        if (b.Length > 0 && control > Math.Max(2, b.Length / 20))
            return $"binary data ({control} control bytes in the first {b.Length})";
        return null;
    }

    /// <summary>Same test for text already decoded from a UTF-16/32 BOM file.</summary>
    public static string? DescribeDecoded(ReadOnlySpan<char> text)
    {
        var t = text[..Math.Min(text.Length, SampleBytes)];
        if (t.IndexOf('\0') >= 0) return "binary data (NUL characters)";
        var control = 0;
        foreach (var c in t)
            if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f' or '\v' or '\u001B')) control++;
        return t.Length > 0 && control > Math.Max(2, t.Length / 20) ? $"binary data ({control} control characters)" : null;
    }
}
