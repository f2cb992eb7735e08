using Parley.Core;
using Parley.Eval.PolNear;

namespace Parley.Eval.Tests.PolNear;

public class BratReaderTests
{
    [Fact]
    public void ReadsContinuousSpansAndEvents()
    {
        var ann = BratReader.Parse("""
            T1	Source 0 12	The governor
            T2	Cue 13 17	said
            T3	Content 18 41	the bridge would reopen
            T4	Attribution 13 17	said
            E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
            """, "a.ann");

        Assert.Empty(ann.Problems);
        Assert.Equal(4, ann.Spans.Count);
        Assert.Equal("Content", ann.Spans["T3"].Label);
        Assert.Equal([new TextSpan(18, 41)], ann.Spans["T3"].Fragments);
        Assert.Equal("the bridge would reopen", ann.Spans["T3"].Text);
        var e = Assert.Single(ann.Relations);
        Assert.Equal([("Attribution", "T4"), ("Content", "T3"), ("Cue", "T2"), ("Source", "T1")], e.Arguments);
        Assert.Equal(5, e.Line);
    }

    [Fact]
    public void ReadsDiscontinuousSpans()
    {
        var ann = BratReader.Parse("T9\tContent 5 20;31 40\tfirst part here second\n", "b.ann");
        Assert.Empty(ann.Problems);
        Assert.Equal([new TextSpan(5, 20), new TextSpan(31, 40)], ann.Spans["T9"].Fragments);
    }

    [Fact]
    public void EventWithoutSourceKeepsItsOtherArguments()
    {
        var ann = BratReader.Parse("""
            T1	Cue 0 8	Reported
            T2	Content 9 20	talks ended
            T3	Attribution-no-source 0 8	Reported
            E1	Attribution-no-source:T3 Cue:T1 Content:T2
            """, "c.ann");
        Assert.Empty(ann.Problems);
        var e = Assert.Single(ann.Relations);
        Assert.DoesNotContain(e.Arguments, a => a.Role == "Source");
        Assert.Equal(3, e.Arguments.Count);
    }

    [Fact]
    public void SkipsBlankLinesNotesAndCarriageReturns()
    {
        var ann = BratReader.Parse("\r\nT1\tSource 0 3\tshe\r\n\r\n\n#1\tAnnotatorNotes T1\tcheck this\r\nT2\tCue 4 8\tsaid\r\n\r\n", "d.ann");
        Assert.Empty(ann.Problems);
        Assert.Equal(["T1", "T2"], ann.Spans.Keys.Order());
        Assert.Equal("she", ann.Spans["T1"].Text);
        Assert.Equal(6, ann.Spans["T2"].Line);
    }

    [Fact]
    public void ReportsMalformedLinesWithFileAndLineAndKeepsTheRest()
    {
        var ann = BratReader.Parse("""
            T1	Source 0 3	She
            T2 Cue 4 8 said
            T3	Content ten 20	a bad offset
            T4	Content 30 20	reversed
            E1	Attribution:T9 Content
            T5	Content 9 19	kept fine
            """, "bad.ann");

        Assert.Equal(["T1", "T5"], ann.Spans.Keys.Order());
        var messages = ann.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("bad.ann:2: "));
        Assert.Contains(messages, m => m.StartsWith("bad.ann:3: T3: bad offsets"));
        Assert.Contains(messages, m => m.StartsWith("bad.ann:4: T4: bad offsets"));
        Assert.Contains(messages, m => m.StartsWith("bad.ann:5: E1: bad argument \"Content\""));
        // the event keeps its readable argument
        Assert.Equal([("Attribution", "T9")], Assert.Single(ann.Relations).Arguments);
    }

    [Fact]
    public void ReadsSpanTextThatRunsOverSeveralLines()
    {
        // The span covers a paragraph break, which brat writes into the .ann as is.
        var ann = BratReader.Parse("T1\tContent 0 18\tTwo lines\n\nof text\nT2\tCue 20 24\tsaid\n", "e.ann");
        Assert.Empty(ann.Problems);
        Assert.Equal("Two lines\n\nof text", ann.Spans["T1"].Text);
        Assert.Equal(4, ann.Spans["T2"].Line);
    }

    [Fact]
    public void AStrayLineAfterACompleteSpanIsAProblemNotText()
    {
        var ann = BratReader.Parse("T1\tCue 0 4\tsaid\nsomething stray\n", "f.ann");
        Assert.Equal("said", ann.Spans["T1"].Text);
        Assert.Equal("f.ann:2", string.Join(",", ann.Problems.Select(p => $"{p.File}:{p.Line}")));
    }

    [Fact]
    public void DuplicateIdsAreReported()
    {
        var ann = BratReader.Parse("T1\tCue 0 4\tsaid\nT1\tCue 5 9\ttold\n", "g.ann");
        Assert.Equal(new TextSpan(0, 4), ann.Spans["T1"].Fragments[0]);
        Assert.Contains("g.ann:2: duplicate id T1", ann.Problems.Select(p => p.ToString()));
    }
}
