namespace Parley.Events.Knowledge;

/// <summary>What a generated form can be.</summary>
[Flags]
enum Form : byte
{
    None = 0,
    Base = 1,
    Third = 2,
    Past = 4,
    Participle = 8,
    Ing = 16,
    Singular = 32,
    Plural = 64,
}

/// <summary>An irregular-verbs.tsv row.</summary>
sealed record Irregular(string Base, string[] Past, string[] Participle, string[] Third, string[] Ing);

/// <summary>English inflection of table entries: regular rules plus the irregular-verbs table.</summary>
static class Inflector
{
    static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>One vowel group ending consonant-vowel-consonant ("ban", "plan", "stop"): the final consonant doubles.</summary>
    static bool Doubles(string w)
    {
        if (w.Length < 3) return false;
        char a = w[^3], b = w[^2], c = w[^1];
        if (IsVowel(a) || !IsVowel(b) || IsVowel(c) || c is 'w' or 'x' or 'y') return false;
        var groups = 0;
        for (var k = 0; k < w.Length; k++)
            if (IsVowel(w[k]) && (k == 0 || !IsVowel(w[k - 1]))) groups++;
        return groups == 1;
    }

    public static string Third(string w) =>
        w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch") || w.EndsWith("sh") || w.EndsWith('o') ? w + "es"
        : w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2]) ? w[..^1] + "ies"
        : w + "s";

    public static string Ed(string w) =>
        w.EndsWith('e') ? w + "d"
        : w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2]) ? w[..^1] + "ied"
        : Doubles(w) ? w + w[^1] + "ed"
        : w + "ed";

    public static string Ing(string w) =>
        w.EndsWith("ie") ? w[..^2] + "ying"
        : w.EndsWith("ee") || w.EndsWith("ye") || w.EndsWith("oe") ? w + "ing"
        : w.EndsWith('e') && w.Length > 2 ? w[..^1] + "ing"
        : Doubles(w) ? w + w[^1] + "ing"
        : w + "ing";

    public static string Plural(string w) =>
        w.EndsWith("sis") ? w[..^3] + "ses"
        : w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch") || w.EndsWith("sh") ? w + "es"
        : w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2]) ? w[..^1] + "ies"
        : w + "s";

    /// <summary>A word that already is a plural ("talks", "arms", "troops"): it gets no plural of its own.</summary>
    public static bool LooksPlural(string w) => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is");

    /// <summary>The forms of a verb, each with what it can be (a regular -ed form is both past and participle).</summary>
    public static List<(string Word, Form Form)> Verb(string w, Irregular? irr, bool withBase = true)
    {
        var forms = new Dictionary<string, Form>(StringComparer.Ordinal);
        void Put(string s, Form f) => forms[s] = forms.GetValueOrDefault(s) | f;
        if (withBase) Put(w, Form.Base);
        foreach (var s in irr?.Third is { Length: > 0 } t ? t : [Third(w)]) Put(s, Form.Third);
        foreach (var s in irr?.Past is { Length: > 0 } p ? p : [Ed(w)]) Put(s, Form.Past);
        foreach (var s in irr?.Participle is { Length: > 0 } pp ? pp : [Ed(w)]) Put(s, Form.Participle);
        foreach (var s in irr?.Ing is { Length: > 0 } g ? g : [Ing(w)]) Put(s, Form.Ing);
        return [.. forms.Select(kv => (kv.Key, kv.Value))];
    }

    public static List<(string Word, Form Form)> Noun(string w) =>
        LooksPlural(w) ? [(w, Form.Plural)] : [(w, Form.Singular), (Plural(w), Form.Plural)];
}
