using System.Text.Json.Serialization;

namespace Parley.Core;

/// <summary>One article as `parley extract` writes it (shared/spec/record-format.md).</summary>
public sealed class ArticleRecord
{
    public required string Id { get; set; }
    public required string Source { get; set; }
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Published { get; set; }
    /// <summary>input | argument | text | html-meta, or null.</summary>
    public string? PublishedSource { get; set; }
    public string? Outlet { get; set; }
    public string? Byline { get; set; }
    public string? Url { get; set; }
    public string Text { get; set; } = "";
    public List<string> Captions { get; set; } = [];
    public List<RemovedBlock> Removed { get; set; } = [];
    public List<TextSpan> Sentences { get; set; } = [];
    public List<ActorRecord> Actors { get; set; } = [];
    public List<QuoteRecord> Quotes { get; set; } = [];
    public List<EventRecord> Events { get; set; } = [];
    public List<TimexRecord> Timexes { get; set; } = [];
    /// <summary>Place names found in the text, resolved against the places gazetteer (an extension of the contract).</summary>
    public List<PlaceMention> Places { get; set; } = [];
    /// <summary>Multilateral formats, their rounds, members and changes (an extension; docs/record-extensions.md).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<FormatMentionRecord>? Formats { get; set; }
    /// <summary>Actors' stances on issues (an extension; docs/record-extensions.md).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PositionRecord>? Positions { get; set; }
    /// <summary>SHA-256 (hex) of the input content; the store's idempotence key.</summary>
    public string? ContentHash { get; set; }
    public List<string> Errors { get; set; } = [];

    [JsonIgnore]
    public bool IsReadable => Text.Length > 0 || Title is not null;
}

public sealed record RemovedBlock(string Text, string Reason);

public readonly record struct TextSpan(int Start, int End);

public sealed class ActorRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Kind { get; set; }
    public string? Code { get; set; }
    public string? Country { get; set; }
    public string? Role { get; set; }
    /// <summary>A group's member actors (ids), e.g. "Russia, Turkey and Iran"; null for other kinds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Members { get; set; }
    public List<MentionRecord> Mentions { get; set; } = [];
}

public sealed class MentionRecord
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Via { get; set; }
}

public sealed class ActorRef
{
    public string? Actor { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Country { get; set; }
}

public sealed class SpeakerRecord
{
    public string? Actor { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Country { get; set; }
    public string? Text { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }
}

public sealed class QuoteRecord
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public SpeakerRecord? Speaker { get; set; }
    public string? Cue { get; set; }
    public int Sentence { get; set; }
    public double Confidence { get; set; }
    /// <summary>"title" when the quote comes from the headline (offsets then point into the title; sentence -1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Where { get; set; }
    /// <summary>Issue ids the quote concerns (the positions stage); null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Issues { get; set; }
}

public sealed class LocationRecord
{
    public required string Name { get; set; }
    public string? Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
}

public sealed class EventRecord
{
    public required string Id { get; set; }
    public required string Type { get; set; }
    public string? Mode { get; set; }
    public string? Cameo { get; set; }
    public double? Goldstein { get; set; }
    public List<ActorRef> Source { get; set; } = [];
    public List<ActorRef> Target { get; set; } = [];
    public string? Date { get; set; }
    public string? DateText { get; set; }
    public LocationRecord? Location { get; set; }
    public bool Negated { get; set; }
    public string Modality { get; set; } = "asserted";
    public string? Trigger { get; set; }
    public int Sentence { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public double Confidence { get; set; }
    /// <summary>Where <see cref="Date"/> came from: "text" (a time expression) or "published" (the publication date).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DateSource { get; set; }
    /// <summary>Every mention of the event in the article (body sentences, title, captions); null when there is one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<EvidenceRecord>? Evidence { get; set; }
    /// <summary>Issue ids the event concerns (the positions stage); null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Issues { get; set; }
}

/// <summary>One mention of an event: a body sentence (offsets into the text), the title or a caption (offsets into that string).</summary>
public sealed class EvidenceRecord
{
    /// <summary>Body sentence index, or -1 for the title and captions.</summary>
    public int Sentence { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>body | title | caption</summary>
    public required string Where { get; set; }
    /// <summary>Index into captions when <see cref="Where"/> is "caption".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Caption { get; set; }
    public string? Trigger { get; set; }
}

public sealed class TimexRecord
{
    public required string Text { get; set; }
    public string? Value { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>Index of the sentence the expression is in (an extension of the contract, like the fields below).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Sentence { get; set; }
    /// <summary>date | time | duration | set</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }
    /// <summary>What a relative value was computed from: published | dateline | text | none (could not be); null when explicit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Anchor { get; set; }
    /// <summary>before | after | approx | start | mid | end | less_than | more_than | equal_or_more | equal_or_less</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mod { get; set; }
    /// <summary>The end of a range ("2015-2017", "between 2012 and 2014"); Value is its start.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EndValue { get; set; }
}

/// <summary>A place named in the text: what was written and the gazetteer entry it resolves to.</summary>
public sealed class PlaceMention
{
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>Canonical name from the gazetteer ("Sochi").</summary>
    public required string Name { get; set; }
    /// <summary>country | capital | city | province | region | site</summary>
    public string? Kind { get; set; }
    /// <summary>ISO 3166 alpha-3 of the country the place is in.</summary>
    public string? Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public int Sentence { get; set; }
}
