using System.Text.Json;

namespace Parley.Cli.Tests;

public class TimeCliTests
{
    [Fact]
    public void Time_prints_the_expressions_as_json_on_a_pipe()
    {
        using var dir = new TempDir();
        var run = ParleyProcess.Run(dir.Path, null, "time", "The envoys met on Monday and will meet again next month.", "--published", "2023-09-06");
        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("2023-09-06", root.GetProperty("published").GetString());
        var timexes = root.GetProperty("timexes").EnumerateArray().ToList();
        Assert.Equal(["on Monday=2023-09-04", "next month=2023-10"],
            timexes.Select(t => $"{t.GetProperty("text").GetString()}={t.GetProperty("value").GetString()}"));
        Assert.Equal("published", timexes[0].GetProperty("anchor").GetString());

        var stdin = ParleyProcess.Run(dir.Path, "Talks resumed on January 23.", "time", "-");
        Assert.Equal("XXXX-01-23", JsonDocument.Parse(stdin.Stdout).RootElement.GetProperty("timexes")[0].GetProperty("value").GetString());

        var bad = ParleyProcess.Run(dir.Path, null, "time", "on Monday", "--published", "someday");
        Assert.Equal(2, bad.ExitCode);
    }
}
