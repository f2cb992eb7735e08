using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Events.Knowledge;
using Parley.TestSupport;

namespace Parley.Events.Tests;

/// <summary>The knowledge tables: inflection, loading, and the CAMEO table checked against the reference codebooks.</summary>
public partial class KnowledgeTests
{
    static Dictionary<string, Irregular> Irregulars => Lexicon.LoadIrregulars(Parley.Core.Knowledge.PathOf("events/irregular-verbs.tsv"));

    static HashSet<string> Forms(string phrase, Part part) =>
        Lexicon.Forms(phrase, part, Irregulars, true).Select(f => string.Join(' ', f.Keys)).ToHashSet();

    [Theory]
    [InlineData("meet", "meets|met|meeting")]
    [InlineData("hold talks", "holds talks|held talks|holding talks")]
    [InlineData("strike", "strikes|struck|striking")]
    [InlineData("travel", "travels|travelled|traveled|travelling|traveling")]
    [InlineData("ban", "bans|banned|banning")]
    [InlineData("agree", "agrees|agreed|agreeing")]
    [InlineData("call on", "calls on|called on|calling on")]
    [InlineData("visit", "visits|visited|visiting")]
    [InlineData("withdraw", "withdraws|withdrew|withdrawn|withdrawing")]
    [InlineData("supply", "supplies|supplied|supplying")]
    public void Verb_forms(string lemma, string forms)
    {
        var got = Forms(lemma, Part.Verb);
        foreach (var f in forms.Split('|')) Assert.Contains(f, got);
        Assert.DoesNotContain(lemma.Split(' ')[0] + "ed", lemma == "travel" ? [] : got.Where(g => g.EndsWith("eed", StringComparison.Ordinal) && lemma.EndsWith('e')));
    }

    [Theory]
    [InlineData("phone call", "phone call|phone calls")]
    [InlineData("talks", "talks")]
    [InlineData("summit", "summit|summits")]
    [InlineData("crisis", "crisis|crises")]
    [InlineData("road map", "road map|road maps")]
    public void Noun_forms(string lemma, string forms) =>
        Assert.True(Forms(lemma, Part.Noun).SetEquals(forms.Split('|')), string.Join(",", Forms(lemma, Part.Noun)));

    [Fact]
    public void The_shipped_tables_load_and_agree_with_each_other()
    {
        var coder = Coding.EventCoder;
        Assert.True(coder.Cameo.Codes.Count > 150);
        var patterns = File.ReadLines(Parley.Core.Knowledge.PathOf("events/patterns.tsv")).Count(l => l.Length > 0 && !l.StartsWith('#'));
        Assert.True(patterns >= 300, $"{patterns} patterns");
        // every emitted type is a PLOVER type, every code has a Goldstein score
        Assert.All(coder.Cameo.Codes.Where(c => c.Basis != "not-coded"), c => Assert.Contains(c.Plover, (string[])
            ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]));
    }

    [Fact]
    public void A_pattern_whose_type_contradicts_its_code_is_refused()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-events-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var f in Directory.GetFiles(Parley.Core.Knowledge.PathOf("events"), "*.tsv")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            File.AppendAllText(Path.Combine(dir, "patterns.tsv"), "embrace\tverb\t040\tSUPPORT\t\tobj\n");
            var ex = Assert.Throws<FormatException>(() => Parley.Events.EventCoder.Load(directory: dir));
            Assert.Contains("patterns.tsv", ex.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [GeneratedRegex(@"^(\d+):\s*([^,#]*)(?:,\s*([^,#]*))?")]
    private static partial Regex PloverRow();

    /// <summary>Codes and numbers are facts: every row of cameo.tsv matches the Goldstein scale and the CAMEO→PLOVER map.</summary>
    [SharedFact]
    public void Cameo_table_matches_the_reference_codebooks()
    {
        var goldstein = File.ReadLines(SharedData.PathOf("reference/CAMEO.goldsteinscale.txt")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length == 2)
            .ToDictionary(c => c[0], c => double.Parse(c[1], CultureInfo.InvariantCulture));
        var plover = new Dictionary<string, (string Type, string Mode)>();
        foreach (var line in File.ReadLines(SharedData.PathOf("reference/CAMEO2PLOVER-2021.txt")))
            if (PloverRow().Match(line) is { Success: true } m) plover.TryAdd(m.Groups[1].Value, (m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim()));
        var descriptions = File.ReadLines(SharedData.PathOf("reference/CAMEO.eventcodes.txt")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length == 2).ToDictionary(c => c[0], c => c[1].Trim().ToLowerInvariant());

        var table = Coding.EventCoder.Cameo;
        foreach (var c in table.Codes)
        {
            Assert.True(goldstein.TryGetValue(c.Code, out var g), $"{c.Code} is not a CAMEO code");
            Assert.Equal(g, c.Goldstein);
            // labels are written in our own words
            Assert.NotEqual(descriptions.GetValueOrDefault(c.Code), c.Label.ToLowerInvariant());
            switch (c.Basis)
            {
                case "map":
                    Assert.True(plover.TryGetValue(c.Code, out var p), $"{c.Code} is not in the CAMEO→PLOVER map");
                    Assert.Equal((p.Type, p.Mode), (c.Plover ?? "", c.Mode ?? ""));
                    break;
                case "extension":
                    Assert.False(plover.ContainsKey(c.Code), $"{c.Code} is mapped by PLOVER: basis should be 'map'");
                    Assert.StartsWith("02", c.Code);
                    break;
                default:
                    Assert.Equal("not-coded", c.Basis);
                    Assert.StartsWith("01", c.Code);
                    break;
            }
        }
    }
}
