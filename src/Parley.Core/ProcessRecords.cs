using System.Text.Json.Serialization;

namespace Parley.Core;

/// <summary>A multilateral format named or implied in an article (the formats stage; docs/record-extensions.md).</summary>
public sealed class FormatMentionRecord
{
    /// <summary>The format's id in knowledge/process/formats.tsv ("ASTANA").</summary>
    public required string Format { get; set; }
    public required string Name { get; set; }
    /// <summary>Where the text names the format (empty when only rounds or events in its context link it).</summary>
    public List<FormatSpanRecord> Mentions { get; set; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<RoundRecord>? Rounds { get; set; }
    /// <summary>Members and roles the text states ("Russia, Iran and Turkey as guarantor countries").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<FormatMemberRecord>? Members { get; set; }
    /// <summary>Format-level changes: launched, ended, end-proposed, suspended, resumed, resume-proposed, joined, left.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<FormatFactRecord>? Facts { get; set; }
    /// <summary>Ids of the article's events that belong to the format.</summary>
    public List<string> Events { get; set; } = [];
    /// <summary>Ids of events with no format cue whose participants are exactly the format's members at the event's date.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? InferredEvents { get; set; }
}

public sealed class FormatSpanRecord
{
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public int Sentence { get; set; }
}

/// <summary>One session of a format: "the 20th round", "the twenty-first meeting", "the next round".</summary>
public sealed class RoundRecord
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Number { get; set; }
    /// <summary>next | previous | last | first, for a round placed without a number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Relative { get; set; }
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public int Sentence { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Date { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DateText { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Location { get; set; }
    /// <summary>The event (usually CONSULT) that is this round.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Event { get; set; }
}

/// <summary>A member of a format learned from the text, with its role and the evidence.</summary>
public sealed class FormatMemberRecord
{
    public required ActorRef Actor { get; set; }
    /// <summary>guarantor | observer | party | mediator | co-chair | host | member</summary>
    public required string Role { get; set; }
    /// <summary>The role phrase in the text ("guarantor countries").</summary>
    public string? Cue { get; set; }
    /// <summary>The role the knowledge base gives this member, when it differs from the text's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KnownRole { get; set; }
    public int Sentence { get; set; }
    /// <summary>The member's mention.</summary>
    public int Start { get; set; }
    public int End { get; set; }
}

/// <summary>A dated change of a format: "Kazakhstan proposed ending the Astana talks".</summary>
public sealed class FormatFactRecord
{
    public required string Kind { get; set; }
    public required string Cue { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ActorRef? Actor { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Event { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Date { get; set; }
    public int Sentence { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

/// <summary>An actor's stance on an issue, from a quote, an event or a statement sentence (the positions stage).</summary>
public sealed class PositionRecord
{
    public required ActorRef Actor { get; set; }
    /// <summary>An id of knowledge/process/issues.tsv ("troop-withdrawal").</summary>
    public required string Issue { get; set; }
    /// <summary>supports | opposes | conditions</summary>
    public required string Stance { get; set; }
    /// <summary>The stance cue in the text ("insists on", "prerequisite", "inconceivable").</summary>
    public string? Cue { get; set; }
    /// <summary>Whose action the issue is about, when the text says ("Turkish forces" → TUR).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Targets { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConditionRecord? Condition { get; set; }
    public string? Date { get; set; }
    /// <summary>event | text | published</summary>
    public string? DateSource { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quote { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Event { get; set; }
    public int Sentence { get; set; }
    /// <summary>The issue's words in the text.</summary>
    public int Start { get; set; }
    public int End { get; set; }
    public double Confidence { get; set; }
}

/// <summary>What a conditional stance depends on: the condition's words and its issue, when it has one.</summary>
public sealed class ConditionRecord
{
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Issue { get; set; }
}
