using Parley.Core;
using Parley.Events.Knowledge;

namespace Parley.Events.Analysis;

/// <summary>A trigger occurrence in a unit: the pattern, its tokens, and the support verb before a nominal trigger.</summary>
sealed class Occurrence
{
    public int First;
    public int Last;
    public required Pattern Pattern;
    public Form Form;
    public SupportVerb? Support;
    public Form SupportForm;
    /// <summary>The form of the verbal group: the support verb's, else the trigger's.</summary>
    public Form VerbForm => Support is not null && !Support.Nominal ? SupportForm : Form;
    public int SupportFirst = -1;
    public int SupportLast = -1;
    public bool Absorbed;
    public int CompStart = -1;
    public int CompEnd = -1;
    public Occurrence? Inner;
    /// <summary>First token of the verbal group (the support verb, else the trigger).</summary>
    public int VerbFirst => Support is not null && !Support.Nominal ? SupportFirst : First;
    public override string ToString() => $"{Pattern.Phrase}@{First}{(Support is null ? "" : "+" + Support.Phrase)}";
}

/// <summary>An event found in one unit, before linking and de-duplication.</summary>
sealed class Candidate
{
    public required Unit Unit;
    public required Occurrence Occ;
    public required string Type;
    public required string Cameo;
    public string? Mode;
    public List<Party> Source = [];
    public List<Party> Target = [];
    public bool Negated;
    public string Modality = "asserted";
    public double Confidence;
    public required string Trigger;
    public int ClauseFirst;
    public int ClauseEnd;
    public string? Date;
    public string? DateText;
    public LocationRecord? Location;
    /// <summary>A nominal mention with too few parties of its own ("the talks", "during his visit"): it may refer back.</summary>
    public bool Anaphoric;
    public List<Candidate> Merged = [];
    public override string ToString() =>
        $"{Type} {Cameo} [{string.Join(",", Source.Select(p => p.Key))}] -> [{string.Join(",", Target.Select(p => p.Key))}] \"{Trigger}\" s{Unit.Sentence}";
}
