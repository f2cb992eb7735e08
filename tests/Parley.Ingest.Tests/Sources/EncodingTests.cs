using System.Text;
using Parley.Ingest.Sources;

namespace Parley.Ingest.Tests.Sources;

public class EncodingTests
{
    const string Sample = "Zoë met the café owner — “hello”, she said.";

    static RawDocument ReadOne(string path) => Assert.Single(new InputReader().Read([path]));

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Byte_order_marks_choose_the_encoding(string name)
    {
        using var dir = new TempDir();
        Encoding enc = name switch
        {
            "utf-8" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var bytes = enc.GetPreamble().Concat(enc.GetBytes(Sample)).ToArray();
        var doc = ReadOne(dir.WriteBytes("bom.txt", bytes));
        Assert.Equal(Sample, doc.Text);
        Assert.Empty(doc.Errors);
        Assert.Equal(bytes.Length, doc.ByteLength);
    }

    [Fact]
    public void Utf16_html_with_bom_is_not_mistaken_for_binary()
    {
        using var dir = new TempDir();
        var html = "<html><body><p>" + Sample + "</p></body></html>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(html)).ToArray();
        Assert.Equal(html, ReadOne(dir.WriteBytes("u16.html", bytes)).Html);
    }

    [Fact]
    public void Bomless_utf16_text_is_recognised()
    {
        using var dir = new TempDir();
        var text = "Plain English text saved as UTF-16 without a byte order mark.";
        Assert.Equal(text, ReadOne(dir.WriteBytes("nobom.txt", Encoding.Unicode.GetBytes(text))).Text);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")]
    [InlineData("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=ISO-8859-1'>")]
    public void Html_meta_charset_selects_a_legacy_code_page(string meta)
    {
        using var dir = new TempDir();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = $"<html><head>{meta}<title>Caf\u00e9</title></head><body><p>{Sample}</p></body></html>";
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);
        var doc = ReadOne(dir.WriteBytes("legacy.html", bytes));
        Assert.Equal(html, doc.Html);
        Assert.Empty(doc.Errors);
    }

    [Fact]
    public void Html_meta_charset_iso_8859_2_is_honoured()
    {
        using var dir = new TempDir();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<meta charset=iso-8859-2><p>Łódź i Kraków</p>";
        var doc = ReadOne(dir.WriteBytes("pl.html", Encoding.GetEncoding("iso-8859-2").GetBytes(html)));
        Assert.Equal(html, doc.Html);
    }

    [Fact]
    public void A_meta_charset_in_a_txt_file_is_ignored()
    {
        using var dir = new TempDir();
        var text = "<meta charset=windows-1252> is how you declare it; Zoë";
        Assert.Equal(text, ReadOne(dir.Write("howto.txt", text)).Text);
    }

    [Fact]
    public void Invalid_utf8_is_replaced_and_recorded_with_offset_and_count()
    {
        using var dir = new TempDir();
        var prefix = Encoding.UTF8.GetBytes(new string('a', 1032));
        // Three bad sequences: a lone continuation byte, a Latin-1 'é' (E9) before ASCII, and a truncated 3-byte lead at the end.
        var bytes = prefix.Concat(new byte[] { 0x80 }).Concat("ok "u8.ToArray()).Concat(new byte[] { 0xE9, 0x20 }).Concat(new byte[] { 0xE2, 0x82 }).ToArray();
        var doc = ReadOne(dir.WriteBytes("bad.txt", bytes));
        Assert.Equal("invalid UTF-8 at byte 1032 (3 invalid sequences)", Assert.Single(doc.Errors));
        Assert.Equal(3, doc.Text!.Count(c => c == '\uFFFD'));
        Assert.StartsWith(new string('a', 1032) + "\uFFFDok ", doc.Text);
        Assert.True(doc.HasContent);
        Assert.NotNull(doc.ContentHash);
    }

    [Fact]
    public void Invalid_utf8_after_a_bom_reports_the_file_offset()
    {
        using var dir = new TempDir();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', 0xFF };
        Assert.Equal("invalid UTF-8 at byte 5 (1 invalid sequence)", Assert.Single(ReadOne(dir.WriteBytes("b.txt", bytes)).Errors));
    }

    [Fact]
    public void Invalid_utf8_inside_a_jsonl_line_is_replaced_and_recorded()
    {
        using var dir = new TempDir();
        var line = "{\"id\":\"x\",\"text\":\"caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\"}\n"u8.ToArray()).ToArray();
        var doc = ReadOne(dir.WriteBytes("latin.jsonl", line));
        Assert.Equal("caf\uFFFD", doc.Text);
        Assert.Equal("invalid UTF-8 at byte 21 (1 invalid sequence)", Assert.Single(doc.Errors));
    }
}
