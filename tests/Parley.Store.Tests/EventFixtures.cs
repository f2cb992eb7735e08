using System.Security.Cryptography;
using System.Text;
using Parley.Core;

namespace Parley.Store.Tests;

/// <summary>Records with events, written for these tests (our own sentences).</summary>
static class EventFixtures
{
    public static ArticleRecord Doc(string id, string? published, string outlet, params string[] sentences)
    {
        var text = string.Join(" ", sentences);
        var r = new ArticleRecord
        {
            Id = id, Source = $"in/{id}.txt", Title = $"Title of {id}", Outlet = outlet, Published = published,
            Url = $"https://example.org/{id}", Text = text,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        };
        var start = 0;
        foreach (var s in sentences)
        {
            r.Sentences.Add(new TextSpan(start, start + s.Length));
            start += s.Length + 1;
        }
        return r;
    }

    public static ActorRef Party(string name, string? code, string? country) => new() { Actor = "A_" + name.Replace(' ', '_'), Name = name, Code = code, Country = country };

    public static readonly ActorRef Putin = Party("Vladimir Putin", "RUSGOV", "RUS");
    public static readonly ActorRef Erdogan = Party("Recep Tayyip Erdoğan", "TURGOV", "TUR");
    public static readonly ActorRef Russia = Party("Russia", "RUS", "RUS");
    public static readonly ActorRef Ukraine = Party("Ukraine", "UKR", "UKR");
    public static readonly ActorRef RussianForces = Party("Russian forces", "RUSMIL", "RUS");
    public static readonly ActorRef Un = Party("United Nations", "IGOUNO", null);

    public static EventRecord Event(ArticleRecord r, int sentence, string type, string cameo, string trigger,
        IEnumerable<ActorRef> source, IEnumerable<ActorRef> target, string? date, double? goldstein = 1.0,
        string? mode = null, string modality = "asserted", bool negated = false, LocationRecord? location = null)
    {
        var span = r.Sentences[sentence];
        var e = new EventRecord
        {
            Id = $"E{r.Events.Count + 1}", Type = type, Cameo = cameo, Mode = mode, Goldstein = goldstein, Trigger = trigger,
            Source = source.ToList(), Target = target.ToList(), Date = date, DateText = date is null ? null : "on that day",
            DateSource = date is null ? null : "text", Modality = modality, Negated = negated, Location = location,
            Sentence = sentence, Start = span.Start, End = span.End, Confidence = 0.8,
        };
        r.Events.Add(e);
        return e;
    }

    public static ActorRecord Actor(ArticleRecord r, string id, string name, string kind, string? code, string? country, int mentions)
    {
        var a = new ActorRecord { Id = id, Name = name, Kind = kind, Code = code, Country = country };
        for (var i = 0; i < mentions; i++) a.Mentions.Add(new MentionRecord { Start = 0, End = 1, Text = name });
        r.Actors.Add(a);
        return a;
    }

    /// <summary>Sochi talks (a day), a shelling (a month), a planned visit (a year), a denied meeting and a UN appeal with no year.</summary>
    public static ArticleRecord Sochi()
    {
        var r = Doc("sochi", "2023-09-05", "Northern Wire",
            "Vladimir Putin held talks with Recep Tayyip Erdoğan in Sochi on Monday.",
            "Russian forces shelled Ukrainian positions near Kherson throughout August.",
            "Erdoğan said he would visit Moscow again next year.",
            "The two leaders did not meet the Ukrainian delegation.");
        Event(r, 0, "CONSULT", "040", "held talks", [Putin], [Erdogan], "2023-09-04", mode: "visit",
            location: new LocationRecord { Name = "Sochi", Country = "RUS", Lat = 43.6, Lon = 39.73 });
        Event(r, 1, "ASSAULT", "195", "shelled", [RussianForces], [Ukraine], "2023-08", goldstein: -10.0,
            location: new LocationRecord { Name = "Kherson", Country = "UKR", Lat = 46.64, Lon = 32.62 });
        Event(r, 2, "AGREE", "036", "would visit", [Erdogan], [Russia], "2024", goldstein: 4.0, modality: "planned");
        Event(r, 3, "CONSULT", "040", "did not meet", [Putin, Erdogan], [Ukraine], "2023-09-05", negated: true);
        Actor(r, "A1", "Vladimir Putin", "person", "RUSGOV", "RUS", 2);
        Actor(r, "A2", "Recep Tayyip Erdoğan", "person", "TURGOV", "TUR", 3);
        Actor(r, "A3", "Russian forces", "group", "RUSMIL", "RUS", 1);
        return r;
    }

    public static ArticleRecord Geneva()
    {
        var r = Doc("geneva", "2019-06-12", "Lake Courier",
            "The United Nations urged Russia to allow grain ships through the Black Sea.",
            "Officials expect the talks to resume on 23 January.");
        Event(r, 0, "REQUEST", "0256", "urged", [Un], [Russia], "2019-06-11", goldstein: 3.0);
        Event(r, 1, "CONSULT", "040", "talks to resume", [Un], [], "XXXX-01-23", modality: "planned");
        Actor(r, "A1", "United Nations", "organization", "IGOUNO", null, 2);
        Actor(r, "A2", "Vladimir Putin", "person", "RUSGOV", "RUS", 1);
        return r;
    }
}
