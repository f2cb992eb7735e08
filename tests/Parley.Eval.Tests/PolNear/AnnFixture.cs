using Parley.Core;

namespace Parley.Eval.Tests.PolNear;

/// <summary>Offsets of phrases in a fixture text, in brat's form (code points) and as .NET spans.</summary>
static class AnnFixture
{
    /// <summary>The UTF-16 span of the <paramref name="nth"/> occurrence of <paramref name="phrase"/>.</summary>
    public static TextSpan Span(string text, string phrase, int nth = 0)
    {
        var at = -1;
        for (var i = 0; i <= nth; i++)
        {
            at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"\"{phrase}\" (#{nth}) is not in the fixture text");
        }
        return new TextSpan(at, at + phrase.Length);
    }

    /// <summary>"start end" in code points, as brat writes it.</summary>
    public static string Brat(string text, string phrase, int nth = 0)
    {
        var s = Span(text, phrase, nth);
        return $"{CodePoints(text, s.Start)} {CodePoints(text, s.End)}";
    }

    /// <summary>A brat T line for a phrase of the text.</summary>
    public static string T(int id, string label, string text, string phrase, int nth = 0) =>
        $"T{id}\t{label} {Brat(text, phrase, nth)}\t{phrase}";

    static int CodePoints(string text, int utf16)
    {
        var n = 0;
        for (var i = 0; i < utf16; i++)
            if (!char.IsLowSurrogate(text[i])) n++;
        return n;
    }
}
