using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Parley.Ingest.Sources;

/// <summary>
/// Turns raw bytes into a string: a byte-order mark wins, then (for HTML) a declared charset in the
/// first 4 KB, else UTF-8. Invalid UTF-8 is decoded with U+FFFD and reported, never thrown.
/// </summary>
static partial class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes legacy code pages (windows-1252, iso-8859-x, ...) available.</summary>
    public static void EnsureCodePages() { }

    public readonly record struct Decoded(string Text, string? Error, string EncodingName);

    public static (Encoding? Encoding, int BomLength) DetectBom(ReadOnlySpan<byte> b)
    {
        // UTF-32 LE must be tested before UTF-16 LE (its BOM starts with FF FE as well).
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (new UTF32Encoding(false, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (new UTF32Encoding(true, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8, 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2);
        return (null, 0);
    }

    /// <summary>UTF-16 without a BOM, told by the NULs in every other byte of mostly-ASCII text.</summary>
    public static Encoding? GuessBomlessUtf16(ReadOnlySpan<byte> b)
    {
        var n = Math.Min(b.Length, 8192) & ~1;
        if (n < 16) return null;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (b[i] == 0) evenNul++;
            if (b[i + 1] == 0) oddNul++;
        }
        var pairs = n / 2;
        if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return Encoding.Unicode;
        if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return Encoding.BigEndianUnicode;
        return null;
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    /// <summary>The charset an HTML document declares in its first 4 KB, if any (the label as written).</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> b)
    {
        var head = Encoding.Latin1.GetString(b[..Math.Min(b.Length, 4096)]);
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>An encoding for a charset label, following the WHATWG rules browsers use for the common cases.</summary>
    public static Encoding? ForLabel(string label)
    {
        var l = label.Trim().ToLowerInvariant();
        // Browsers read latin1/ascii labels as windows-1252, and ignore a UTF-16 label without a BOM.
        if (l is "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "x-cp1252")
            l = "windows-1252";
        if (l is "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "utf8") l = "utf-8";
        try
        {
            return Encoding.GetEncoding(l);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Decodes a whole item. <paramref name="isHtml"/> allows a meta charset to choose the encoding.</summary>
    public static Decoded Decode(ReadOnlySpan<byte> bytes, bool isHtml)
    {
        var (bom, bomLength) = DetectBom(bytes);
        if (bom is not null)
        {
            var body = bytes[bomLength..];
            return bom is UTF8Encoding ? DecodeUtf8(body, bomLength) : new(bom.GetString(body), null, bom.WebName);
        }
        if (GuessBomlessUtf16(bytes) is { } utf16) return new(utf16.GetString(bytes), null, utf16.WebName + " (no BOM)");
        if (isHtml && DeclaredCharset(bytes) is { } label)
        {
            var enc = ForLabel(label);
            if (enc is null)
            {
                var d = DecodeUtf8(bytes, 0);
                var unknown = $"unknown charset \"{label}\" declared; read as UTF-8";
                return d with { Error = d.Error is null ? unknown : unknown + "; " + d.Error };
            }
            if (enc.CodePage != Encoding.UTF8.CodePage) return new(enc.GetString(bytes), null, enc.WebName);
        }
        return DecodeUtf8(bytes, 0);
    }

    /// <summary>UTF-8 with U+FFFD for bad sequences; the error names the first bad byte (file offset) and the count.</summary>
    public static Decoded DecodeUtf8(ReadOnlySpan<byte> bytes, int offsetInFile)
    {
        var text = Encoding.UTF8.GetString(bytes); // the default UTF8 instance replaces invalid sequences
        if (Utf8.IsValid(bytes)) return new(text, null, "utf-8");
        var (first, count) = CountInvalid(bytes);
        var error = $"invalid UTF-8 at byte {first + offsetInFile} ({count} invalid sequence{(count == 1 ? "" : "s")})";
        return new(text, error, "utf-8");
    }

    /// <summary>Offset of the first invalid UTF-8 sequence and how many maximal invalid subsequences there are.</summary>
    public static (long First, int Count) CountInvalid(ReadOnlySpan<byte> bytes)
    {
        long first = -1;
        var count = 0;
        var pos = 0;
        var scratch = ArrayPool<char>.Shared.Rent(16 * 1024);
        try
        {
            while (pos < bytes.Length)
            {
                var rest = bytes[pos..];
                var status = Utf8.ToUtf16(rest, scratch, out var read, out _, replaceInvalidSequences: false);
                pos += read;
                if (status == System.Buffers.OperationStatus.Done) break;
                if (status == System.Buffers.OperationStatus.DestinationTooSmall) continue;
                // InvalidData or NeedMoreData (a sequence cut off at the end): skip one maximal invalid subsequence.
                if (first < 0) first = pos;
                count++;
                System.Text.Rune.DecodeFromUtf8(bytes[pos..], out _, out var consumed);
                pos += Math.Max(1, consumed);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
        return (Math.Max(first, 0), count);
    }
}
